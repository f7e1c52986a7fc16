package com.yarnnn.export.edge.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;
import java.util.UUID;

/**
 * One record on a provider's dead-letter or parking topic, as an operator sees it.
 *
 * @param exportId        null when the record could not be read at all (so are the user and the destination)
 * @param destinationName the destination as its owner chose it, when the export's status row names it
 * @param attempts        the attempts the export had made when it was parked
 * @param errorCode       the last error's code ({@code unreadable} for a record that cannot be read)
 * @param errorMessage    the last error's message
 * @param firstFailure    the first attempt's failure ({@code code: message}), when it got that far
 * @param cause           the exception that parked it
 * @param status          the export's status now (a replayed one is no longer DEAD_LETTERED)
 */
public record DeadLetterEntry(String provider, int partition, long offset, Instant parkedAt, UUID exportId,
        UUID userId, String destinationId, String destinationName, Integer attempts, String errorCode,
        String errorMessage, String firstFailure, String cause, ExportState status) {

    static final String UNREADABLE = "unreadable";

    /** Whether a replay would send it: a readable record whose export still waits in a failed state. */
    @JsonProperty("replayable")
    public boolean replayable() {
        return exportId != null && (status == ExportState.DEAD_LETTERED || status == ExportState.FAILED);
    }
}
