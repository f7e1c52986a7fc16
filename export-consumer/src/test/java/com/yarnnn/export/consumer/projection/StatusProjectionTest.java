package com.yarnnn.export.consumer.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.event.ExportDeadLettered;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import com.yarnnn.export.schemas.event.StatusOrder;
import com.yarnnn.export.schemas.event.ExportWaiting;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The projection on the real PostgreSQL: order and duplicates of outcome events do not matter. */
@SpringBootTest(properties = "yarnnn.providers.folder.root=target/projection-test-exports")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class StatusProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final ExportError TIMEOUT = new ExportError("timeout", "The connector did not answer");

    @Autowired
    StatusProjection projection;
    @Autowired
    JdbcClient jdbc;

    private final ExportRef ref = new ExportRef(UUID.randomUUID(), UUID.randomUUID(), "folder", "reports", null,
            UUID.randomUUID());

    @Test
    void theHappyPathEndsSucceededWithOneLogRow() {
        projection.apply(List.of(started(1, 1)));
        assertThat(status()).containsEntry("status", "RUNNING").containsEntry("attempt", 1);

        projection.apply(List.of(succeeded(1, 2)));

        assertThat(status()).containsEntry("status", "SUCCEEDED").containsEntry("external_url", "file:///x.md");
        assertThat(status().get("started_at")).isNotNull();
        assertThat(status().get("completed_at")).isNotNull();
        assertThat(logStatuses()).containsExactly("SUCCEEDED");
    }

    @Test
    void aTerminalStateIgnoresEverythingThatArrivesLater() {
        projection.apply(List.of(succeeded(1, 3), started(1, 1), retrying(1, 2), failed(2, 4)));

        assertThat(status()).containsEntry("status", "SUCCEEDED").containsEntry("attempt", 1);
        assertThat(status().get("error_code")).isNull();
    }

    @Test
    void duplicatedEventsLeaveOneLogRowEach() {
        ExportRetrying retrying = retrying(1, 2);
        ExportSucceeded succeeded = succeeded(2, 4);

        projection.apply(List.of(started(1, 1), retrying, retrying));
        projection.apply(List.of(started(2, 3), succeeded));
        projection.apply(List.of(succeeded, retrying));

        assertThat(status()).containsEntry("status", "SUCCEEDED").containsEntry("attempt", 2);
        assertThat(logStatuses()).containsExactly("RETRYING", "SUCCEEDED");
    }

    @Test
    void aStaleEventOfAnEarlierAttemptDoesNotMoveTheStatusBack() {
        projection.apply(List.of(started(2, 3)));
        projection.apply(List.of(retrying(1, 2), started(1, 1)));

        assertThat(status()).containsEntry("status", "RUNNING").containsEntry("attempt", 2);
    }

    @Test
    void retryingShowsTheReasonAndTheNextAttempt() {
        projection.apply(List.of(started(1, 1), retrying(1, 2)));

        assertThat(status()).containsEntry("status", "RETRYING").containsEntry("error_code", "timeout");
        assertThat(status().get("next_attempt_at")).isNotNull();
    }

    @Test
    void deadLetteredAfterTheLastAttemptStaysDeadLettered() {
        projection.apply(List.of(new ExportDeadLettered(1, UUID.randomUUID(), ref, 3, T0.plusSeconds(9), TIMEOUT,
                "exports.requested.folder.dlt"), started(3, 8)));

        assertThat(status()).containsEntry("status", "DEAD_LETTERED").containsEntry("attempt", 3);
        assertThat(logStatuses()).containsExactly("DEAD_LETTERED");
    }

    @Test
    void aRequeuedDeadLetteredExportStartsOverAndStaleEventsOfTheOldAttemptsAreIgnored() {
        ExportDeadLettered deadLettered = new ExportDeadLettered(1, UUID.randomUUID(), ref, 3, T0.plusSeconds(9),
                TIMEOUT, "exports.requested.folder.dlt");
        projection.apply(List.of(started(3, 8), deadLettered));

        projection.apply(List.of(requeued(4, 20)));
        assertThat(status()).containsEntry("status", "QUEUED").containsEntry("attempt", 4);
        assertThat(status().get("error_code")).isNull();
        assertThat(status().get("completed_at")).isNull();

        projection.apply(List.of(deadLettered, retrying(3, 7), started(4, 21)));
        assertThat(status()).containsEntry("status", "RUNNING").containsEntry("attempt", 4);
        projection.apply(List.of(succeeded(4, 22)));
        assertThat(status()).containsEntry("status", "SUCCEEDED");
        assertThat(logStatuses()).containsExactly("RETRYING", "DEAD_LETTERED", "QUEUED", "SUCCEEDED");
    }

    @Test
    void aSucceededExportIsNeverRequeued() {
        projection.apply(List.of(succeeded(1, 1), requeued(2, 2)));

        assertThat(status()).containsEntry("status", "SUCCEEDED").containsEntry("attempt", 1);
    }

    @Test
    void anEventForAnExportWithoutAQueuedRowCreatesIt() {
        projection.apply(List.of(failed(1, 1)));

        assertThat(status()).containsEntry("status", "FAILED").containsEntry("user_id", ref.userId())
                .containsEntry("error_message", TIMEOUT.message());
    }

    @Test
    void theQueuedRowOfApiEdgeMovesForward() {
        jdbc.sql("""
                insert into export_status (export_id, user_id, provider, destination_id, title, status, attempt,
                                           created_at, updated_at)
                values (?, ?, 'folder', 'reports', 'Weekly', 'QUEUED', 0, ?, ?)""")
                .params(ref.exportId(), ref.userId(), java.sql.Timestamp.from(T0), java.sql.Timestamp.from(T0))
                .update();

        projection.apply(List.of(started(1, 1)));

        assertThat(status()).containsEntry("status", "RUNNING").containsEntry("title", "Weekly");
    }

    @Test
    void aWaitShowsRetryingWithItsReasonAndALaterWaitReplacesItWithoutEnteringTheHistory() {
        projection.apply(List.of(started(1, 1), retrying(1, 2)));
        projection.apply(List.of(waiting(1, 10, "waiting_connection_outage"), waiting(1, 8, "waiting_rate_limit")));

        assertThat(status()).containsEntry("status", "RETRYING").containsEntry("attempt", 1)
                .containsEntry("error_code", "waiting_connection_outage");
        assertThat(((java.sql.Timestamp) status().get("next_attempt_at")).toInstant()).isEqualTo(T0.plusSeconds(40));
        assertThat(logStatuses()).containsExactly("RETRYING");

        projection.apply(List.of(started(2, 41), waiting(1, 42, "waiting_rate_limit")));

        assertThat(status()).containsEntry("status", "RUNNING").containsEntry("attempt", 2);
    }

    @Test
    void aWaitBeforeTheFirstAttemptMovesTheQueuedRow() {
        projection.apply(List.of(waiting(0, 1, "waiting_rate_budget")));

        assertThat(status()).containsEntry("status", "RETRYING").containsEntry("attempt", 0)
                .containsEntry("error_code", "waiting_rate_budget");
        assertThat(logStatuses()).isEmpty();
    }

    @Test
    void theSqlMovesAStatusExactlyWhenTheOneOrderingRuleSaysSo() {
        List<String> disagreements = new java.util.ArrayList<>();
        for (ExportState current : ExportState.values()) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                for (int second : new int[] {-1, 1}) {
                    for (String kind : List.of("started", "retrying", "waiting", "succeeded", "failed", "dead",
                            "requeued")) {
                        ExportRef export = new ExportRef(UUID.randomUUID(), UUID.randomUUID(), "folder", "reports",
                                null, UUID.randomUUID());
                        insertStatus(export, current, 2, T0);
                        ExportOutcome next = outcome(kind, export, attempt, T0.plusSeconds(second));
                        boolean expected = StatusOrder.supersedes(
                                new StatusOrder.Position(next.state(), next.attempt(), next.occurredAt()),
                                new StatusOrder.Position(current, 2, T0), next instanceof ExportRequeued);

                        projection.apply(List.of(next));

                        Map<String, Object> row = jdbc.sql(
                                        "select status, attempt, updated_at from export_status where export_id = ?")
                                .param(export.exportId()).query().singleRow();
                        boolean moved = !row.get("status").equals(current.name()) || !row.get("attempt").equals(2)
                                || !((java.sql.Timestamp) row.get("updated_at")).toInstant().equals(T0);
                        if (moved != expected) {
                            disagreements.add(current + "@2 then " + kind + "@" + attempt + (second < 0 ? " earlier" : " later")
                                    + ": rule " + expected + ", sql moved " + moved);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private void insertStatus(ExportRef export, ExportState state, int attempt, Instant at) {
        jdbc.sql("""
                        insert into export_status (export_id, user_id, provider, destination_id, status, attempt,
                                                   created_at, updated_at)
                        values (:id, :user, 'folder', 'reports', :status, :attempt, :at, :at)""")
                .param("id", export.exportId())
                .param("user", export.userId())
                .param("status", state.name())
                .param("attempt", attempt)
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    private static ExportOutcome outcome(String kind, ExportRef export, int attempt, Instant at) {
        int v = ExportOutcome.SCHEMA_VERSION;
        return switch (kind) {
            case "started" -> new ExportStarted(v, UUID.randomUUID(), export, attempt, at);
            case "retrying" -> new ExportRetrying(v, UUID.randomUUID(), export, attempt, at, TIMEOUT, at.plusSeconds(5));
            case "waiting" -> new ExportWaiting(v, UUID.randomUUID(), export, attempt, at, TIMEOUT, at.plusSeconds(5));
            case "succeeded" -> new ExportSucceeded(v, UUID.randomUUID(), export, attempt, at, "x.md", "file:///x.md");
            case "failed" -> new ExportFailed(v, UUID.randomUUID(), export, attempt, at, TIMEOUT);
            case "dead" -> new ExportDeadLettered(v, UUID.randomUUID(), export, attempt, at, TIMEOUT, "dlt");
            default -> new ExportRequeued(v, UUID.randomUUID(), export, attempt, at, ExportRequeued.USER_RETRY);
        };
    }

    private Map<String, Object> status() {
        return jdbc.sql("select * from export_status where export_id = ?").param(ref.exportId()).query().singleRow();
    }

    private List<String> logStatuses() {
        return jdbc.sql("select status from export_log where export_id = ? order by occurred_at")
                .param(ref.exportId()).query(String.class).list();
    }

    private ExportStarted started(int attempt, int second) {
        return new ExportStarted(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second));
    }

    private ExportRequeued requeued(int attempt, int second) {
        return new ExportRequeued(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second),
                ExportRequeued.OPERATOR_REPLAY);
    }

    private ExportRetrying retrying(int attempt, int second) {
        return new ExportRetrying(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second),
                TIMEOUT, T0.plusSeconds(second + 5));
    }

    private ExportWaiting waiting(int attempt, int second, String code) {
        return new ExportWaiting(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second),
                new ExportError(code, "The export waits"), T0.plusSeconds(second + 30));
    }

    private ExportSucceeded succeeded(int attempt, int second) {
        return new ExportSucceeded(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second),
                "x.md", "file:///x.md");
    }

    private ExportFailed failed(int attempt, int second) {
        return new ExportFailed(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, attempt, T0.plusSeconds(second),
                TIMEOUT);
    }
}
