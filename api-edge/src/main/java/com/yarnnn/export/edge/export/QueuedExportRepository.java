package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportState;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the QUEUED row of {@code export_status}, and finds the row a repeated Idempotency-Key points to. */
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
    boolean insertQueued(ExportRequested request, String idempotencyKey, String requestHash) {
        return jdbc.sql("""
                        insert into export_status (export_id, user_id, provider, destination_id, deliverable_id,
                            deliverable_version_id, title, trigger, status, attempt, idempotency_key, request_hash,
                            created_at, updated_at)
                        values (:exportId, :userId, :provider, :destinationId, :deliverableId,
                            :deliverableVersionId, :title, :trigger, :status, 0, :idempotencyKey, :requestHash,
                            :now, :now)
                        on conflict do nothing
                        """)
                .param("exportId", request.exportId())
                .param("userId", request.userId())
                .param("provider", request.providerId())
                .param("destinationId", request.destinationId())
                .param("deliverableId", request.deliverableId())
                .param("deliverableVersionId", request.deliverableVersionId())
                .param("title", request.title())
                .param("trigger", request.trigger().name())
                .param("status", ExportState.QUEUED.name())
                .param("idempotencyKey", idempotencyKey)
                .param("requestHash", requestHash)
                .param("now", request.requestedAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
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
