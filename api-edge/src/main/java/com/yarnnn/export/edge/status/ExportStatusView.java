package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One export as its owner sees it; {@code error} is null unless an attempt failed; {@code attempts} are the
 * outcomes of its attempts, oldest first.
 */
public record ExportStatusView(
        UUID exportId,
        String providerId,
        String destinationId,
        String destinationName,
        UUID deliverableId,
        UUID deliverableVersionId,
        String title,
        ExportTrigger trigger,
        ExportState status,
        int attempt,
        ExportError error,
        String externalId,
        String externalUrl,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        Instant nextAttemptAt,
        List<ExportAttempt> attempts) {

    /** The validator of a conditional GET: changes whenever anything shown here changes. */
    String etag() {
        return "\"" + status + "-" + attempt + "-" + updatedAt + "-" + attempts.size() + "\"";
    }
}
