package com.yarnnn.export.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the exports' {@code export_status} rows, waiting until all are terminal (or the wait is over). */
final class ProjectionReader {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    ProjectionReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExportTiming> awaitTerminal(List<UUID> exportIds, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            List<ExportTiming> timings = read(exportIds);
            boolean done = timings.size() == exportIds.size() && timings.stream().allMatch(ExportTiming::terminal);
            if (done || System.nanoTime() > deadline) {
                return timings;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return timings;
            }
        }
    }

    private List<ExportTiming> read(List<UUID> exportIds) {
        List<ExportTiming> timings = new ArrayList<>(exportIds.size());
        for (int from = 0; from < exportIds.size(); from += CHUNK) {
            timings.addAll(jdbc.sql("""
                            select export_id, status, error_code, created_at, started_at, completed_at from export_status
                             where export_id in (:ids)""")
                    .param("ids", exportIds.subList(from, Math.min(exportIds.size(), from + CHUNK)))
                    .query((rs, row) -> new ExportTiming(rs.getObject("export_id", UUID.class), rs.getString("status"),
                            rs.getString("error_code"), instant(rs, "created_at"), instant(rs, "started_at"),
                            instant(rs, "completed_at")))
                    .list());
        }
        return timings;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }
}
