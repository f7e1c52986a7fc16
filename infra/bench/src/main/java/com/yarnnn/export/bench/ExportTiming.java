package com.yarnnn.export.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One export as the status projection shows it: accepted at {@code createdAt}, finished at {@code completedAt}. */
record ExportTiming(UUID exportId, String status, String errorCode, Instant createdAt, Instant completedAt) {

    boolean terminal() {
        return completedAt != null;
    }

    boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    double latencyMillis() {
        return Duration.between(createdAt, completedAt).toNanos() / 1e6;
    }
}
