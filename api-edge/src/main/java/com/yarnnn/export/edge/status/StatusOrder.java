package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;

/**
 * The order in which an export's state may move, as the status projection applies it: by attempt, then by state
 * within an attempt, then by time (a later wait replaces an earlier one); a terminal state moves only to a later attempt's requeue, and SUCCEEDED never moves.
 */
final class StatusOrder {

    private StatusOrder() {
    }

    static boolean supersedes(ExportState next, int nextAttempt, Instant nextAt, ExportState current,
            int currentAttempt, Instant currentAt) {
        if (current.isTerminal()) {
            return current != ExportState.SUCCEEDED && nextAttempt > currentAttempt;
        }
        if (next.isTerminal()) {
            return nextAttempt >= currentAttempt;
        }
        if (nextAttempt != currentAttempt) {
            return nextAttempt > currentAttempt;
        }
        return rank(next) > rank(current) || rank(next) == rank(current) && nextAt.isAfter(currentAt);
    }

    private static int rank(ExportState state) {
        return Math.min(state.ordinal(), ExportState.SUCCEEDED.ordinal());
    }
}
