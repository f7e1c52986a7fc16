package com.yarnnn.export.schemas.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The product approved a new version of a deliverable. Published by the product to {@code deliverable.approved},
 * keyed by deliverable id; api-edge turns it into one {@link ExportRequested} per auto-export preference.
 */
public record DeliverableApproved(
        int schemaVersion,
        UUID eventId,
        UUID deliverableId,
        UUID versionId,
        UUID userId,
        String title,
        String content,
        Instant approvedAt) {

    public static final int SCHEMA_VERSION = 1;

    public DeliverableApproved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deliverableId, "deliverableId");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }

    /**
     * The export of this version to one destination. Derived from (version, provider, destination) alone, so a
     * second copy of the event, or a retry after a crash between publishes, names the same export again.
     */
    public UUID exportIdFor(String providerId, String destinationId) {
        String name = "approval:" + versionId + ":" + providerId + ":" + destinationId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
