package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.event.ExportState;
import java.util.UUID;

/**
 * The answer to an export that succeeded while its caller waited: the design's {@code success}, {@code external_id}
 * and {@code external_url}, with where to follow the export beside them.
 */
record ExportDelivered(boolean success, String externalId, String externalUrl, UUID exportId, ExportState status,
        String statusUrl) {
}
