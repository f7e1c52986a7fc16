package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The export cannot succeed without someone acting (unknown destination, revoked access, refused content). */
public record ExportFailed(
        int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt, ExportError error)
        implements ExportOutcome {

    public ExportFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public ExportState state() {
        return ExportState.FAILED;
    }

    @Override
    public ExportError errorOrNull() {
        return error;
    }
}
