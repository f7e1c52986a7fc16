package com.yarnnn.export.edge.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
 * The operators' API for parked exports (role {@code operator}): requests that failed a whole new round after a
 * replay, listed with their error and replayed one at a time by a person, never in bulk.
 */
@RestController
@Tag(name = "operators")
@RequestMapping("/api/ops/parked/{provider}")
class ParkedExportController {

    private final DeadLetterBrowser browser;
    private final ParkedReplays replays;
    private final KnownProviders providers;

    ParkedExportController(DeadLetterBrowser browser, ParkedReplays replays, KnownProviders providers) {
        this.browser = browser;
        this.replays = replays;
        this.providers = providers;
    }

    @Operation(operationId = "listParkedExports", summary = "The provider's parked requests, with their error",
            description = "Filtered as the dead letters are: `from`, `to`, `cause`, `error_code`, each optional.")
    @ApiResponse(responseCode = "200", description = "The parked requests", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping
    List<DeadLetterEntry> list(@PathVariable String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cause,
            @Parameter(example = "slack_unavailable") @RequestParam(name = "error_code", required = false)
            String errorCode) {
        return browser.list(ParkingTopic.PARKED, providers.known(provider),
                        new DeadLetterFilter(from, to, cause, errorCode)).stream()
                .map(DeadLetterBrowser.Parked::entry).toList();
    }

    @Operation(operationId = "replayParkedExport", summary = "Replay one parked request",
            description = "Under its export id, so nothing is delivered twice; one already replayed is skipped. If "
                    + "it fails a whole round again, it is parked again.")
    @ApiResponse(responseCode = "200", description = "How the replay went, by result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{partition}/{offset}/replay")
    ReplaySummary replayOne(@PathVariable String provider, @PathVariable int partition, @PathVariable long offset) {
        return replays.replayOne(ParkingTopic.PARKED, providers.known(provider), partition, offset);
    }
}
