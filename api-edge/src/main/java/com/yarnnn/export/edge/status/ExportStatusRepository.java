package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the {@code export_status} projection with each export's attempts from {@code export_log}, always scoped
 * to the export's owner.
 */
@Repository
class ExportStatusRepository {

    private static final String COLUMNS = """
            select export_id, provider, destination_id, destination_name, deliverable_id,
                deliverable_version_id, title, trigger, status, attempt, error_code, error_message, external_id,
                external_url, created_at, started_at, completed_at, updated_at, next_attempt_at
            from export_status
            """;

    private final JdbcClient jdbc;

    ExportStatusRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the user's exports, newest first, that pass the filter and come after the cursor. */
    List<ExportStatusView> page(UUID userId, ExportFilter filter, ExportCursor after, int limit) {
        List<ExportStatusView> rows = jdbc.sql(COLUMNS + """
                        where user_id = :userId
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:provider as text) is null or provider = :provider)
                          and (cast(:deliverableId as uuid) is null or deliverable_id = :deliverableId)
                          and (cast(:versionId as uuid) is null or deliverable_version_id = :versionId)
                          and (cast(:from as timestamptz) is null or created_at >= :from)
                          and (cast(:to as timestamptz) is null or created_at < :to)
                          and (cast(:afterAt as timestamptz) is null or (created_at, export_id) < (:afterAt, :afterId))
                        order by created_at desc, export_id desc
                        limit :limit
                        """)
                .param("userId", userId)
                .param("status", filter.status() != null ? filter.status().name() : null)
                .param("provider", filter.providerId())
                .param("deliverableId", filter.deliverableId())
                .param("versionId", filter.versionId())
                .param("from", offset(filter.from()))
                .param("to", offset(filter.to()))
                .param("afterAt", after != null ? offset(after.createdAt()) : null)
                .param("afterId", after != null ? after.exportId() : null)
                .param("limit", limit)
                .query(ExportStatusRepository::row)
                .list();
        return withAttempts(rows);
    }

    Optional<ExportStatusView> find(UUID exportId, UUID userId) {
        List<ExportStatusView> rows = jdbc.sql(COLUMNS + "where export_id = :exportId and user_id = :userId")
                .param("exportId", exportId)
                .param("userId", userId)
                .query(ExportStatusRepository::row)
                .list();
        return withAttempts(rows).stream().findFirst();
    }

    /** The exports of these ids, whoever owns them: for a caller that checked ownership before. */
    List<ExportStatusView> findAll(Collection<UUID> exportIds) {
        List<ExportStatusView> rows = jdbc.sql(COLUMNS + "where export_id = any(:ids)")
                .param("ids", exportIds.toArray(UUID[]::new))
                .query(ExportStatusRepository::row)
                .list();
        return withAttempts(rows);
    }

    private List<ExportStatusView> withAttempts(List<ExportStatusView> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ExportAttempt>> attempts = jdbc.sql("""
                        select export_id, status, attempt, error_code, error_message, external_url, occurred_at
                        from export_log where export_id = any(:ids) order by occurred_at, attempt""")
                .param("ids", rows.stream().map(ExportStatusView::exportId).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("export_id", UUID.class), new ExportAttempt(
                        ExportState.valueOf(rs.getString("status")), rs.getInt("attempt"), error(rs),
                        rs.getString("external_url"), instant(rs, "occurred_at"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(v -> {
            return new ExportStatusView(v.exportId(), v.providerId(), v.destinationId(), v.destinationName(),
                    v.deliverableId(), v.deliverableVersionId(), v.title(), v.trigger(), v.status(), v.attempt(),
                    v.error(), v.externalId(), v.externalUrl(), v.createdAt(), v.startedAt(), v.completedAt(),
                    v.updatedAt(), v.nextAttemptAt(), attempts.getOrDefault(v.exportId(), List.of()));
        }).toList();
    }

    /** A row of {@code export_status}, its attempts not attached yet. */
    private static ExportStatusView row(ResultSet rs, int row) throws SQLException {
        String trigger = rs.getString("trigger");
        return new ExportStatusView(
                rs.getObject("export_id", UUID.class),
                rs.getString("provider"),
                rs.getString("destination_id"),
                rs.getString("destination_name"),
                rs.getObject("deliverable_id", UUID.class),
                rs.getObject("deliverable_version_id", UUID.class),
                rs.getString("title"),
                trigger != null ? ExportTrigger.valueOf(trigger) : null,
                ExportState.valueOf(rs.getString("status")),
                rs.getInt("attempt"),
                error(rs),
                rs.getString("external_id"),
                rs.getString("external_url"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                instant(rs, "updated_at"),
                instant(rs, "next_attempt_at"),
                List.of());
    }

    private static ExportError error(ResultSet rs) throws SQLException {
        String code = rs.getString("error_code");
        return code != null ? new ExportError(code, rs.getString("error_message")) : null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant != null ? instant.atOffset(ZoneOffset.UTC) : null;
    }
}
