package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker claimed the export and is calling the provider. */
public record ExportStarted(int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt)
        implements ExportOutcome {

    public ExportStarted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public ExportState state() {
        return ExportState.RUNNING;
    }

    @Override
    public boolean showsInHistory() {
        return false;
    }
}
