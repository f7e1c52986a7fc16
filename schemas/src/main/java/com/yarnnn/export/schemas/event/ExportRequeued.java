package com.yarnnn.export.schemas.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A FAILED or DEAD_LETTERED export was sent again — by its owner ({@code user_retry}) or by an operator replaying
 * the dead-letter topic ({@code operator_replay}). The export keeps its id; {@code attempt} is the one to come.
 */
public record ExportRequeued(int schemaVersion, UUID eventId, ExportRef export, int attempt, Instant occurredAt,
        String reason) implements ExportOutcome {

    public static final String USER_RETRY = "user_retry";
    public static final String OPERATOR_REPLAY = "operator_replay";

    public ExportRequeued {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public ExportState state() {
        return ExportState.QUEUED;
    }
}
