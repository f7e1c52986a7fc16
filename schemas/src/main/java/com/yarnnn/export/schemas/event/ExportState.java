package com.yarnnn.export.schemas.event;

/**
 * The states of an export as the status projection shows them, each with its rank within an attempt: an attempt
 * moves QUEUED → RUNNING → RETRYING or a terminal state, and terminal states never move back ({@link StatusOrder}).
 */
public enum ExportState {
    QUEUED(0),
    RUNNING(1),
    RETRYING(2),
    SUCCEEDED(3),
    FAILED(3),
    DEAD_LETTERED(3);

    private final int rank;

    ExportState(int rank) {
        this.rank = rank;
    }

    /** The order of states within one attempt; the terminal ones share the last rank. */
    public int rank() {
        return rank;
    }

    public boolean isTerminal() {
        return rank == 3;
    }
}
