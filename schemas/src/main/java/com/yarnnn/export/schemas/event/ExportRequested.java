package com.yarnnn.export.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to deliver one deliverable version to one destination. Published by api-edge to the provider's
 * topic, keyed by {@link #partitionKey()}. Carries a connection id, never a token.
 *
 * @param deliverableVersionId null for an ad-hoc export: content sent without a version, which no approval matches
 */
public record ExportRequested(
        int schemaVersion,
        UUID eventId,
        UUID exportId,
        UUID userId,
        String providerId,
        UUID connectionId,
        String destinationId,
        UUID deliverableId,
        UUID deliverableVersionId,
        String title,
        String content,
        ExportTrigger trigger,
        int attempt,
        Instant requestedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ExportRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1");
        }
    }

    /**
     * The Kafka key: the connection (or, for providers without one, the user), so one consumer sees a
     * connection's exports in order and keeps its MCP session warm.
     */
    @JsonIgnore
    public String partitionKey() {
        return connectionId != null ? connectionId.toString() : providerId + ":" + userId;
    }
}
