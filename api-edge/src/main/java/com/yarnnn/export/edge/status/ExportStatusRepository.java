package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code export_status} projection, always scoped to the export's owner. */
@Repository
class ExportStatusRepository {

    private final JdbcClient jdbc;

    ExportStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            select export_id, provider, destination_id, deliverable_id, deliverable_version_id, title,
                status, attempt, error_code, error_message, external_id, external_url, created_at,
                started_at, completed_at, updated_at, next_attempt_at
            from export_status
            """;

    /** The user's exports, newest first, optionally of one status. */
    List<ExportStatusView> list(UUID userId, ExportState status, int limit) {
        return jdbc.sql(COLUMNS + """
                        where user_id = :userId and (cast(:status as text) is null or status = :status)
                        order by created_at desc, export_id desc
                        limit :limit
                        """)
                .param("userId", userId)
                .param("status", status != null ? status.name() : null)
                .param("limit", limit)
                .query(ExportStatusRepository::view)
                .list();
    }

    Optional<ExportStatusView> find(UUID exportId, UUID userId) {
        return jdbc.sql(COLUMNS + "where export_id = :exportId and user_id = :userId")
                .param("exportId", exportId)
                .param("userId", userId)
                .query(ExportStatusRepository::view)
                .optional();
    }

    private static ExportStatusView view(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new ExportStatusView(
                rs.getObject("export_id", UUID.class),
                rs.getString("provider"),
                rs.getString("destination_id"),
                rs.getObject("deliverable_id", UUID.class),
                rs.getObject("deliverable_version_id", UUID.class),
                rs.getString("title"),
                ExportState.valueOf(rs.getString("status")),
                rs.getInt("attempt"),
                errorCode != null ? new ExportError(errorCode, rs.getString("error_message")) : null,
                rs.getString("external_id"),
                rs.getString("external_url"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                instant(rs, "updated_at"),
                instant(rs, "next_attempt_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }
}
