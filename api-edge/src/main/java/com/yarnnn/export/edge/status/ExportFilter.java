package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;
import java.util.UUID;

/**
 * Which of the user's exports a history page shows; every field is optional and they combine.
 *
 * @param from created at or after
 * @param to   created before
 */
public record ExportFilter(ExportState status, String providerId, UUID deliverableId, UUID versionId, Instant from, Instant to) {
}
