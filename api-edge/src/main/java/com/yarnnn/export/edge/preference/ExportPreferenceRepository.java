package com.yarnnn.export.edge.preference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code deliverable_export_preferences}, always scoped to the owner. */
@Repository
public class ExportPreferenceRepository {

    private static final String COLUMNS = """
            select id, provider, destination_id, destination_name, auto_export, created_at, updated_at
            from deliverable_export_preferences
            """;

    private final JdbcClient jdbc;

    ExportPreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExportPreference> list(UUID deliverableId, UUID userId) {
        return jdbc.sql(COLUMNS + "where deliverable_id = :deliverableId and user_id = :userId order by created_at, id")
                .param("deliverableId", deliverableId)
                .param("userId", userId)
                .query(ExportPreferenceRepository::preference)
                .list();
    }

    /** The owner's preferences of the deliverable that export each approved version. */
    public List<ExportPreference> autoExports(UUID deliverableId, UUID userId) {
        return list(deliverableId, userId).stream().filter(ExportPreference::autoExport).toList();
    }

    /**
     * Creates the preference, or updates the one of the same provider and destination.
     *
     * @return empty when that destination of the deliverable was saved by another user
     */
    Optional<ExportPreference> save(UUID newId, UUID deliverableId, UUID userId, String providerId, String destinationId,
            String destinationName, boolean autoExport) {
        return jdbc.sql("""
                        insert into deliverable_export_preferences
                            (id, user_id, deliverable_id, provider, destination_id, destination_name, auto_export)
                        values (:id, :userId, :deliverableId, :provider, :destinationId, :destinationName, :autoExport)
                        on conflict (deliverable_id, provider, destination_id) do update
                            set destination_name = excluded.destination_name, auto_export = excluded.auto_export,
                                updated_at = now()
                            where deliverable_export_preferences.user_id = excluded.user_id
                        returning id, provider, destination_id, destination_name, auto_export, created_at, updated_at
                        """)
                .param("id", newId)
                .param("userId", userId)
                .param("deliverableId", deliverableId)
                .param("provider", providerId)
                .param("destinationId", destinationId)
                .param("destinationName", destinationName)
                .param("autoExport", autoExport)
                .query(ExportPreferenceRepository::preference)
                .optional();
    }

    boolean delete(UUID preferenceId, UUID deliverableId, UUID userId) {
        return jdbc.sql("delete from deliverable_export_preferences where id = :id and deliverable_id = :deliverableId and user_id = :userId")
                .param("id", preferenceId)
                .param("deliverableId", deliverableId)
                .param("userId", userId)
                .update() == 1;
    }

    private static ExportPreference preference(ResultSet rs, int row) throws SQLException {
        return new ExportPreference(
                rs.getObject("id", UUID.class),
                rs.getString("provider"),
                rs.getString("destination_id"),
                rs.getString("destination_name"),
                rs.getBoolean("auto_export"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
