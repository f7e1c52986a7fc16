package com.yarnnn.export.edge.preference;

import java.time.Instant;
import java.util.UUID;

/** A destination the owner saved for a deliverable; with {@code autoExport} each approved version goes there. */
public record ExportPreference(
        UUID id,
        String providerId,
        String destinationId,
        String destinationName,
        boolean autoExport,
        Instant createdAt,
        Instant updatedAt) {
}
