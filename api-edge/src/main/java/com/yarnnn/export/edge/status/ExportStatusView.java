package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;
import java.util.UUID;

/** One export as its owner sees it; {@code error} is null unless an attempt failed. */
public record ExportStatusView(
        UUID exportId,
        String providerId,
        String destinationId,
        UUID deliverableId,
        UUID deliverableVersionId,
        String title,
        ExportState status,
        int attempt,
        ExportError error,
        String externalId,
        String externalUrl,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        Instant nextAttemptAt) {
}
