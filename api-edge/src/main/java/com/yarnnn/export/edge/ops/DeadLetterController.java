package com.yarnnn.export.edge.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' dead-letter API (role {@code operator}): list a provider's dead-lettered requests with their error,
 * replay one, or replay every one a filter selects, once the operator confirmed how many that is. A replay keeps the
 * export id, so nothing is delivered twice; records already replayed are skipped.
 */
@RestController
@Tag(name = "operators", description = "Needs `operator` in the token's `roles` claim")
@RequestMapping("/api/ops/dead-letters/{provider}")
class DeadLetterController {

    private final DeadLetterBrowser browser;
    private final ParkedReplays replays;
    private final KnownProviders providers;

    DeadLetterController(DeadLetterBrowser browser, ParkedReplays replays, KnownProviders providers) {
        this.browser = browser;
        this.replays = replays;
        this.providers = providers;
    }

    @Operation(operationId = "listDeadLetters", summary = "The provider's dead-lettered requests, with their error",
            description = "Parked in [`from`, `to`), whose cause or first failure contains `cause`, whose last error "
                    + "has the code `error_code`; each optional.")
    @ApiResponse(responseCode = "200", description = "The dead-lettered requests", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping
    List<DeadLetterEntry> list(@PathVariable String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cause,
            @Parameter(example = "slack_unavailable") @RequestParam(name = "error_code", required = false)
            String errorCode) {
        return browser.list(ParkingTopic.DEAD_LETTERS, providers.known(provider),
                        new DeadLetterFilter(from, to, cause, errorCode)).stream()
                .map(DeadLetterBrowser.Parked::entry).toList();
    }

    @Operation(operationId = "replayDeadLetter", summary = "Replay one dead-lettered request",
            description = "Under its export id, so nothing is delivered twice; one already replayed is skipped.")
    @ApiResponse(responseCode = "200", description = "How the replay went, by result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{partition}/{offset}/replay")
    ReplaySummary replayOne(@PathVariable String provider, @PathVariable int partition, @PathVariable long offset) {
        return replays.replayOne(ParkingTopic.DEAD_LETTERS, providers.known(provider), partition, offset);
    }

    @Operation(operationId = "replayDeadLetters", summary = "Replay every dead-lettered request the filter selects",
            description = "The body's `from`, `to`, `cause` and `error_code` select as the list's query does; `{}` "
                    + "takes them all. With `expected_count` (the count the operator confirmed), nothing is sent "
                    + "unless exactly that many would be (409 otherwise).")
    @ApiResponse(responseCode = "200", description = "How the replays went, by result, and how many were selected",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/replay")
    ReplaySummary replayBatch(@PathVariable String provider, @Valid @RequestBody BatchReplay batch) {
        return replays.replayBatch(providers.known(provider), batch.filter(), batch.expectedCount());
    }
}
