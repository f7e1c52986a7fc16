package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;
import java.util.UUID;

/**
 * One record on a provider's dead-letter topic, as an operator sees it.
 *
 * @param exportId     null when the record could not be read at all
 * @param cause        the exception that parked it
 * @param firstFailure the first attempt's failure, when it got that far
 * @param status       the export's status now (a replayed one is no longer DEAD_LETTERED)
 */
public record DeadLetterEntry(String provider, int partition, long offset, Instant parkedAt, UUID exportId,
        UUID userId, String cause, String firstFailure, ExportState status) {

    boolean replayable() {
        return exportId != null && (status == ExportState.DEAD_LETTERED || status == ExportState.FAILED);
    }
}
