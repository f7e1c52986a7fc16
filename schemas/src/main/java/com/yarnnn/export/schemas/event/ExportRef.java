package com.yarnnn.export.schemas.event;

import java.util.Objects;
import java.util.UUID;

/** Identifies the export an outcome event belongs to, so that consumers of outcomes need no other lookup. */
public record ExportRef(
        UUID exportId,
        UUID userId,
        String providerId,
        String destinationId,
        UUID deliverableId,
        UUID deliverableVersionId) {

    public ExportRef {
        Objects.requireNonNull(exportId, "exportId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(providerId, "providerId");
    }

    public static ExportRef of(ExportRequested request) {
        return new ExportRef(request.exportId(), request.userId(), request.providerId(), request.destinationId(),
                request.deliverableId(), request.deliverableVersionId());
    }
}
