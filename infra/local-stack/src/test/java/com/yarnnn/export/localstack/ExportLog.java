package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export's history as the projector writes it to {@code export_log}: one row per attempt's outcome or requeue.
 * The log is a projection too, so each read waits for the projector to catch up.
 */
record ExportLog(JdbcClient jdbc) {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Waits until the export's rows hold exactly these statuses, oldest first. */
    void awaitStatuses(UUID export, String... statuses) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                jdbc.sql("select status from export_log where export_id = ? order by occurred_at").param(export)
                        .query(String.class).list()).containsExactly(statuses));
    }

    /** The error code of the first attempt's RETRYING row. */
    String errorOfFirstAttempt(UUID export) {
        return jdbc.sql("select error_code from export_log where export_id = ? and attempt = 1 and status = 'RETRYING'")
                .param(export).query(String.class).single();
    }

    /** When the export first reached the status, once the projector has written it. */
    Instant occurredAt(UUID export, String status) {
        await().atMost(PATIENCE).until(() -> jdbc.sql(
                "select count(*) from export_log where export_id = ? and status = ?").param(export).param(status)
                .query(Integer.class).single() > 0);
        return jdbc.sql("select occurred_at from export_log where export_id = ? and status = ? order by occurred_at limit 1")
                .param(export).param(status).query(OffsetDateTime.class).single().toInstant();
    }
}
