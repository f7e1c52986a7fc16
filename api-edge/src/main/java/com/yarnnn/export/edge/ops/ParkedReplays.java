package com.yarnnn.export.edge.ops;

import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.requeue.ExportRequeuer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends parked records again under their export ids, so nothing is delivered twice; a record whose export no longer
 * waits in a failed state (replayed already) is skipped.
 */
@Component
class ParkedReplays {

    private final DeadLetterBrowser browser;
    private final ExportRequeuer requeuer;

    ParkedReplays(DeadLetterBrowser browser, ExportRequeuer requeuer) {
        this.browser = browser;
        this.requeuer = requeuer;
    }

    ReplaySummary replayOne(ParkingTopic kind, String provider, int partition, long offset) {
        DeadLetterBrowser.Parked parked = browser.find(kind, provider, partition, offset)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "No record at offset " + offset
                        + " of partition " + partition + " of " + kind.topic(provider)));
        return replay(List.of(parked));
    }

    /**
     * Every dead letter the filter selects; with {@code expectedCount}, only if exactly that many would be sent
     * (the count the operator confirmed), else a 409 problem and nothing is sent.
     */
    ReplaySummary replayBatch(String provider, DeadLetterFilter filter, Integer expectedCount) {
        List<DeadLetterBrowser.Parked> selected = browser.list(ParkingTopic.DEAD_LETTERS, provider, filter);
        long replayable = selected.stream().filter(parked -> parked.entry().replayable()).count();
        if (expectedCount != null && replayable != expectedCount) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "The selection now holds " + replayable
                    + " dead letters to replay, not the " + expectedCount + " confirmed: nothing was sent; look "
                    + "at the list again and confirm its count");
        }
        return replay(selected);
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
}
