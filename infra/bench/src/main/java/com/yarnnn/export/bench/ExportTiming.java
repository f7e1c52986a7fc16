package com.yarnnn.export.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One export as the status projection shows it: accepted at {@code createdAt}, its (last) attempt started at
 * {@code startedAt}, finished at {@code completedAt}.
 */
record ExportTiming(UUID exportId, String status, String errorCode, Instant createdAt, Instant startedAt,
        Instant completedAt) {

    boolean terminal() {
        return completedAt != null;
    }

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    double latencyMillis() {
        return millis(createdAt, completedAt);
    }

    /** Accepted → the worker announced the attempt: time in api-edge, Kafka and the worker's queue. */
    double queuedMillis() {
        return millis(createdAt, startedAt);
    }

    /** The attempt announced → its outcome: the worker's ledger, the provider call and the outcome's publication. */
    double deliveringMillis() {
        return millis(startedAt, completedAt);
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
