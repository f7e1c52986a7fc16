package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The export is held back without spending an attempt (its rate budget is empty or paused, or its provider's or
 * connection's circuit breaker is open) and is looked at again at {@code nextAttemptAt}. {@code attempt} counts the
 * attempts made so far; {@code reason} says why it waits. Shown as RETRYING; not an attempt, so not in the history.
 */
public record ExportWaiting(
        int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt, ExportError reason,
        Instant nextAttemptAt) implements ExportOutcome {

    public ExportWaiting {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    @Override
    public ExportState state() {
        return ExportState.RETRYING;
    }

    @Override
    public ExportError errorOrNull() {
        return reason;
    }

    @Override
    public boolean showsInHistory() {
        return false;
    }

    @Override
    public Instant nextAttemptAtOrNull() {
        return nextAttemptAt;
    }
}
