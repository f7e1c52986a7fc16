package com.yarnnn.export.edge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.SseClient;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/exports/{id}/events}: every state change in order, then the stream ends. */
class StatusStreamTest extends ApiEdgeIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void aClientSeesQueuedRunningSucceededInOrderAndTheStreamEnds() throws Exception {
        Map<String, Object> body = validBody();
        String exportId = api.postJson(EXPORT_PATH, token, body, Map.of()).json().path("export_id").asString();
        ExportRef ref = new ExportRef(UUID.fromString(exportId), user, "folder", (String) body.get("destination_id"),
                UUID.fromString((String) body.get("deliverable_id")),
                UUID.fromString((String) body.get("deliverable_version_id")));

        try (SseClient stream = new SseClient(url(exportId), token)) {
            assertThat(stream.status()).isEqualTo(200);
            SseClient.Event queued = stream.next(WAIT);
            assertThat(queued.name()).isEqualTo("status");
            assertThat(queued.data().path("status").asString()).isEqualTo("QUEUED");
            assertThat(queued.data().path("export_id").asString()).isEqualTo(exportId);

            publishOutcome(new ExportStarted(1, UUID.randomUUID(), ref, 1, Instant.now()));
            assertThat(stream.next(WAIT).data().path("status").asString()).isEqualTo("RUNNING");

            publishOutcome(new ExportSucceeded(1, UUID.randomUUID(), ref, 1, Instant.now(), "reports/weekly/r.md",
                    "file:///exports/reports/weekly/r.md"));
            SseClient.Event succeeded = stream.next(WAIT);
            assertThat(succeeded.data().path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(succeeded.data().path("external_url").asString()).isEqualTo("file:///exports/reports/weekly/r.md");
            assertThat(succeeded.data().path("attempts")).hasSize(1);

            assertThat(stream.endsWithin(WAIT)).isTrue();
            assertThat(stream.remaining()).isEmpty();
        }
    }

    @Test
    void aStateTheInstanceDidNotHearOfReachesTheStreamFromTheProjection() throws Exception {
        String exportId = api.postJson(EXPORT_PATH, token, validBody(), Map.of()).json().path("export_id").asString();

        try (SseClient stream = new SseClient(url(exportId), token)) {
            assertThat(stream.next(WAIT).data().path("status").asString()).isEqualTo("QUEUED");
            jdbc.sql("""
                            update export_status set status = 'FAILED', attempt = 1, error_code = 'channel_not_found',
                                error_message = 'No such channel', updated_at = ? where export_id = ?""")
                    .param(Timestamp.from(Instant.now())).param(UUID.fromString(exportId)).update();

            SseClient.Event failed = stream.next(WAIT);
            assertThat(failed.data().path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.data().path("error").path("message").asString()).isEqualTo("No such channel");
            assertThat(stream.endsWithin(WAIT)).isTrue();
        }
    }

    @Test
    void aFinishedExportSendsItsStateOnceAndEnds() throws Exception {
        String exportId = api.postJson(EXPORT_PATH, token, validBody(), Map.of()).json().path("export_id").asString();
        jdbc.sql("update export_status set status = 'SUCCEEDED', attempt = 1 where export_id = ?")
                .param(UUID.fromString(exportId)).update();

        try (SseClient stream = new SseClient(url(exportId), token)) {
            assertThat(stream.next(WAIT).data().path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(stream.endsWithin(WAIT)).isTrue();
            assertThat(stream.remaining()).isEmpty();
        }
    }

    @Test
    void anotherUsersExportHasNoStream() {
        String exportId = api.postJson(EXPORT_PATH, token, validBody(), Map.of()).json().path("export_id").asString();

        ApiClient.Response response = api.get("/api/exports/" + exportId + "/events",
                TestTokens.forUser(UUID.randomUUID()));

        assertProblem(response, 404, "No export " + exportId + " was found for you");
    }

    private String url(String exportId) {
        return api.baseUrl() + "/api/exports/" + exportId + "/events";
    }
}
