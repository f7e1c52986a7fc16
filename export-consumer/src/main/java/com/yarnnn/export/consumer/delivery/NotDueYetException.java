package com.yarnnn.export.consumer.delivery;

import java.time.Instant;

/** A request on a retry topic whose backoff has not passed: its partition waits, nothing is retried. */
public class NotDueYetException extends RuntimeException {

    private final Instant dueAt;

    public NotDueYetException(Instant dueAt) {
        super("Not due before " + dueAt);
        this.dueAt = dueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
