package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Every attempt failed; the request is parked on {@code deadLetterTopic} and can be replayed. */
public record ExportDeadLettered(
        int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt, ExportError error,
        String deadLetterTopic) implements ExportOutcome {

    public ExportDeadLettered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    @Override
    public ExportState state() {
        return ExportState.DEAD_LETTERED;
    }

    @Override
    public ExportError errorOrNull() {
        return error;
    }
}
