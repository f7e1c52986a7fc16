package com.yarnnn.export.edge.ops;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.requeue.ExportRequeuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' dead-letter API (role {@code operator}): list a provider's parked requests with their cause, replay
 * one, or replay every one a filter selects. A replay keeps the export id, so nothing is delivered twice; records
 * already replayed are skipped.
 */
@RestController
@Tag(name = "operators", description = "Needs `operator` in the token's `roles` claim")
@RequestMapping("/api/ops/dead-letters/{provider}")
class DeadLetterController {

    /** How a batch replay went: records replayed, skipped (already replayed or never readable), not found. */
    record ReplaySummary(Map<ExportRequeuer.Result, Integer> results, int selected) {
    }

    private final DeadLetterBrowser browser;
    private final ExportRequeuer requeuer;
    private final ProviderRegistry providers;

    DeadLetterController(DeadLetterBrowser browser, ExportRequeuer requeuer, ProviderRegistry providers) {
        this.browser = browser;
        this.requeuer = requeuer;
        this.providers = providers;
    }

    @Operation(operationId = "listDeadLetters", summary = "The provider's dead-lettered requests, with their cause",
            description = "Parked in [`from`, `to`), whose cause or first failure contains `cause`; each optional.")
    @ApiResponse(responseCode = "200", description = "The dead-lettered requests", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping
    List<DeadLetterEntry> list(@PathVariable String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cause) {
        return browser.list(known(provider), new ReplayFilter(from, to, cause)).stream()
                .map(DeadLetterBrowser.Parked::entry).toList();
    }

    @Operation(operationId = "replayDeadLetter", summary = "Replay one dead-lettered request",
            description = "Under its export id, so nothing is delivered twice; one already replayed is skipped.")
    @ApiResponse(responseCode = "200", description = "How the replay went, by result", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/{partition}/{offset}/replay")
    ReplaySummary replayOne(@PathVariable String provider, @PathVariable int partition, @PathVariable long offset) {
        DeadLetterBrowser.Parked parked = browser.find(known(provider), partition, offset)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND,
                        "No record at offset " + offset + " of partition " + partition + " of the dead-letter topic"));
        return replay(List.of(parked));
    }

    @Operation(operationId = "replayDeadLetters", summary = "Replay every dead-lettered request the filter selects",
            description = "The body's `from`, `to` and `cause` select as the list's query does; `{}` takes them all.")
    @ApiResponse(responseCode = "200", description = "How the replays went, by result, and how many were selected", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @PostMapping("/replay")
    ReplaySummary replayBatch(@PathVariable String provider, @RequestBody ReplayFilter filter) {
        return replay(browser.list(known(provider), filter));
    }

    private ReplaySummary replay(List<DeadLetterBrowser.Parked> selected) {
        Map<ExportRequeuer.Result, Integer> results = new EnumMap<>(ExportRequeuer.Result.class);
        for (DeadLetterBrowser.Parked parked : selected) {
            ExportRequeuer.Result result = parked.entry().replayable()
                    ? requeuer.replay(parked.request().orElseThrow())
                    : ExportRequeuer.Result.NOT_REQUEUEABLE;
            results.merge(result, 1, Integer::sum);
        }
        return new ReplaySummary(results, selected.size());
    }

    private String known(String provider) {
        if (providers.find(provider).isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "Unknown provider '" + provider + "'");
        }
        return provider;
    }
}
