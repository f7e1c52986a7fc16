package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The provider accepted the deliverable; {@code externalUrl} points at the delivered item where it has one. */
public record ExportSucceeded(
        int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt,
        String externalId, String externalUrl) implements ExportOutcome {

    public ExportSucceeded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public ExportState state() {
        return ExportState.SUCCEEDED;
    }
}
