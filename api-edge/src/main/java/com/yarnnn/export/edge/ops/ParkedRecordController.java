package com.yarnnn.export.edge.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records a provider's requests were set aside as (role {@code operator}): its dead letters ({@code
 * dead-letters}) and its parked exports ({@code parked}, failed a whole new round after a replay), listed with their
 * error and replayed one at a time. A replay keeps the export id, so nothing is delivered twice; a record already
 * replayed is skipped.
 */
@RestController
@Tag(name = "operators", description = "Needs `operator` in the token's `roles` claim")
@RequestMapping("/api/ops/{topic}/{provider}")
class ParkedRecordController {

    private final DeadLetterBrowser browser;
    private final ParkedReplays replays;
    private final KnownProviders providers;

    ParkedRecordController(DeadLetterBrowser browser, ParkedReplays replays, KnownProviders providers) {
        this.browser = browser;
        this.replays = replays;
        this.providers = providers;
    }

    @Operation(operationId = "listParkedRecords", summary = "The provider's dead letters or parked exports, with "
            + "their error",
            description = "Parked in [`from`, `to`), whose cause or first failure contains `cause`, whose last error "
                    + "has the code `error_code`; each optional.")
    @ApiResponse(responseCode = "200", description = "The records, oldest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping
    List<DeadLetterEntry> list(@Parameter(schema = @Schema(allowableValues = {"dead-letters", "parked"}))
            @PathVariable String topic, @PathVariable String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cause,
            @Parameter(example = "slack_unavailable") @RequestParam(name = "error_code", required = false)
            String errorCode) {
        return browser.list(ParkingTopic.ofPath(topic), providers.known(provider),
                        new DeadLetterFilter(from, to, cause, errorCode)).stream()
                .map(DeadLetterBrowser.Parked::entry).toList();
    }

    @Operation(operationId = "replayParkedRecord", summary = "Replay one dead letter or parked export",
            description = "Under its export id, so nothing is delivered twice; one already replayed is skipped. A "
                    + "replayed export that fails a whole round again is parked.")
    @ApiResponse(responseCode = "200", description = "How the replay went, by result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{partition}/{offset}/replay")
    ReplaySummary replayOne(@Parameter(schema = @Schema(allowableValues = {"dead-letters", "parked"}))
            @PathVariable String topic, @PathVariable String provider, @PathVariable int partition,
            @PathVariable long offset) {
        return replays.replayOne(ParkingTopic.ofPath(topic), providers.known(provider), partition, offset);
    }
}
