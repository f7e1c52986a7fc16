package com.yarnnn.export.schemas.event;

/**
 * The states of an export as the status projection shows them. The order of the constants is the order
 * in which one attempt moves; terminal states never move back.
 */
public enum ExportState {
    QUEUED,
    RUNNING,
    RETRYING,
    SUCCEEDED,
    FAILED,
    DEAD_LETTERED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == DEAD_LETTERED;
    }
}
