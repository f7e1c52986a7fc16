package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import java.time.Instant;

/** One outcome of an attempt, from {@code export_log}: how it ended, or that it will be retried. */
public record ExportAttempt(ExportState status, int attempt, ExportError error, String externalUrl, Instant occurredAt) {
}
