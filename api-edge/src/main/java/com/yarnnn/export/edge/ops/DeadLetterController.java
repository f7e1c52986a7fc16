package com.yarnnn.export.edge.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The batch replay of a provider's dead letters (role {@code operator}): every one a filter selects, once the
 * operator confirmed how many that is. Parked exports have none: a person replays each on its own.
 */
@RestController
@Tag(name = "operators")
class DeadLetterController {

    private final ParkedReplays replays;
    private final KnownProviders providers;

    DeadLetterController(ParkedReplays replays, KnownProviders providers) {
        this.replays = replays;
        this.providers = providers;
    }

    @Operation(operationId = "replayDeadLetters", summary = "Replay every dead-lettered request the filter selects",
            description = "The body's `from`, `to`, `cause` and `error_code` select as the list's query does; `{}` "
                    + "takes them all. With `expected_count` (the count the operator confirmed), nothing is sent "
                    + "unless exactly that many would be (409 otherwise).")
    @ApiResponse(responseCode = "200", description = "How the replays went, by result, and how many were selected",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/ops/dead-letters/{provider}/replay")
    ReplaySummary replayBatch(@PathVariable String provider, @Valid @RequestBody BatchReplay batch) {
        return replays.replayBatch(providers.known(provider), batch.filter(), batch.expectedCount());
    }
}
