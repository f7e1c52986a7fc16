package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.status.StatusTableWrites;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the first row of an export in {@code export_status}: QUEUED, or FAILED for an auto-export refused before
 * it could be queued; and finds the row a repeated Idempotency-Key points to.
 */
@Repository
class QueuedExportRepository {

    /** What a repeated request is compared with. */
    record PreviousRequest(ExportState status, String requestHash) {
    }

    private final JdbcClient jdbc;

    QueuedExportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the row unless one with the same export id or the same (user, Idempotency-Key) exists. A
     * concurrent insert of the same key waits here until the other transaction ends.
     *
     * @return whether the row was inserted
     */
    boolean insertQueued(ExportRequested request, String destinationName, String idempotencyKey,
            String requestHash) {
        boolean inserted = jdbc.sql(StatusTableWrites.INSERT_QUEUED)
                .params(exportParameters(request, destinationName))
                .param("idempotencyKey", idempotencyKey)
                .param("requestHash", requestHash)
                .update() == 1;
        if (inserted) {
            // kept for the owner's retry of a FAILED export
            jdbc.sql("insert into export_request (export_id, request) values (:exportId, cast(:request as jsonb))")
                    .param("exportId", request.exportId())
                    .param("request", EventJson.mapper().writeValueAsString(request))
                    .update();
        }
        return inserted;
    }

    /**
     * Inserts the export as FAILED with the reason, and its one history entry, unless the export exists.
     *
     * @return whether the row was inserted
     */
    boolean insertRefused(ExportRequested request, String destinationName, ExportError error) {
        boolean inserted = jdbc.sql(StatusTableWrites.INSERT_REFUSED)
                .params(exportParameters(request, destinationName))
                .param("errorCode", error.code())
                .param("errorMessage", error.message())
                .update() == 1;
        if (inserted) {
            jdbc.sql(StatusTableWrites.LOG_REFUSED)
                    .params(exportParameters(request, destinationName))
                    .param("eventId", request.eventId())
                    .param("errorCode", error.code())
                    .param("errorMessage", error.message())
                    .update();
        }
        return inserted;
    }

    /** The named parameters every statement here takes from the request. */
    private static Map<String, Object> exportParameters(ExportRequested request, String destinationName) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("exportId", request.exportId());
        parameters.put("userId", request.userId());
        parameters.put("provider", request.providerId());
        parameters.put("destinationId", request.destinationId());
        parameters.put("destinationName", destinationName);
        parameters.put("deliverableId", request.deliverableId());
        parameters.put("deliverableVersionId", request.deliverableVersionId());
        parameters.put("title", request.title());
        parameters.put("trigger", request.trigger().name());
        parameters.put("attempt", request.attempt());
        parameters.put("now", request.requestedAt().atOffset(ZoneOffset.UTC));
        return parameters;
    }

    Optional<PreviousRequest> find(UUID exportId, UUID userId) {
        return jdbc.sql("select status, request_hash from export_status where export_id = :exportId and user_id = :userId")
                .param("exportId", exportId)
                .param("userId", userId)
                .query((rs, row) -> new PreviousRequest(ExportState.valueOf(rs.getString("status")),
                        rs.getString("request_hash")))
                .optional();
    }
}
