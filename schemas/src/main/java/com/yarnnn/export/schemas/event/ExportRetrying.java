package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An attempt failed for a passing reason; the next one is due at {@code nextAttemptAt}. */
public record ExportRetrying(
        int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt, ExportError error,
        Instant nextAttemptAt) implements ExportOutcome {

    public ExportRetrying {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public ExportState state() {
        return ExportState.RETRYING;
    }

    @Override
    public ExportError errorOrNull() {
        return error;
    }

    @Override
    public Instant nextAttemptAtOrNull() {
        return nextAttemptAt;
    }
}
