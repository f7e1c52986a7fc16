package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportState;

/**
 * The order in which an export's state may move, as the status projection applies it: by attempt, then by state
 * within an attempt; a terminal state moves only to a later attempt's requeue, and SUCCEEDED never moves.
 */
final class StatusOrder {

    private StatusOrder() {
    }

    static boolean supersedes(ExportState next, int nextAttempt, ExportState current, int currentAttempt) {
        if (current.isTerminal()) {
            return current != ExportState.SUCCEEDED && nextAttempt > currentAttempt;
        }
        if (next.isTerminal()) {
            return nextAttempt >= currentAttempt;
        }
        return nextAttempt > currentAttempt || (nextAttempt == currentAttempt && rank(next) > rank(current));
    }

    private static int rank(ExportState state) {
        return Math.min(state.ordinal(), ExportState.SUCCEEDED.ordinal());
    }
}
