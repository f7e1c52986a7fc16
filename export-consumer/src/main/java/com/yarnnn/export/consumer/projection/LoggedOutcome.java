package com.yarnnn.export.consumer.projection;

import com.yarnnn.export.schemas.event.ExportOutcome;
import java.time.Instant;

/**
 * An outcome the projection appended to {@code export_log} for the first time (a copy of an event is not).
 *
 * @param acceptedAt when api-edge accepted the export (its status row's {@code created_at}); null unless the
 *                   outcome is terminal
 */
public record LoggedOutcome(ExportOutcome outcome, Instant acceptedAt) {
}
