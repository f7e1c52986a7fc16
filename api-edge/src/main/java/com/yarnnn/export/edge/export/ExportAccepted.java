package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.event.ExportState;
import java.util.UUID;

/** The answer to an accepted export request: where to follow it. */
public record ExportAccepted(UUID exportId, ExportState status, String statusUrl) {

    public static ExportAccepted of(UUID exportId, ExportState status) {
        return new ExportAccepted(exportId, status, "/api/exports/" + exportId);
    }
}
