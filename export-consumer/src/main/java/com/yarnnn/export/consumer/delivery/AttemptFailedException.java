package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.event.ExportError;

/** The last attempt failed for a passing reason: the error handler dead-letters the request. */
public class AttemptFailedException extends RuntimeException {

    private final ExportError error;
    private final int attempt;

    public AttemptFailedException(ExportError error, int attempt, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
        this.attempt = attempt;
    }

    public ExportError error() {
        return error;
    }

    public int attempt() {
        return attempt;
    }
}
