package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code Prefer: wait=N} on {@code POST /api/integrations/export}: published as always, then answered with the
 * export's end when it comes within N seconds (the design's {@code success, external_id, external_url}), else the
 * usual 202; no request thread waits meanwhile.
 */
class WaitedExportTest extends ApiEdgeIntegrationTest {

    private static final String PREFERENCE_APPLIED = "Preference-Applied";

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void waitingCallersHoldNoThreadAndEachGetsTheDesignsAnswerWhenItsExportSucceeds() throws Exception {
        int callers = 5;
        List<CompletableFuture<ApiClient.Response>> answers = IntStream.range(0, callers)
                .mapToObj(i -> api.postJsonAsync(EXPORT_PATH, token, seedStyleBody(), Map.of("Prefer", "wait=10")))
                .toList();

        await().atMost(Duration.ofSeconds(10)).until(() -> statusRows(user) == callers
                && noThreadIsIn(ExportRequestController.class, WaitedExports.class));
        assertThat(answers).noneMatch(CompletableFuture::isDone);
        List<UUID> exportIds = jdbc.sql("select export_id from export_status where user_id = ?").param(user)
                .query(UUID.class).list();
        for (UUID exportId : exportIds) {
            publishOutcome(new ExportStarted(1, UUID.randomUUID(), ref(exportId), 1, Instant.now()));
            publishOutcome(new ExportSucceeded(1, UUID.randomUUID(), ref(exportId), 1, Instant.now(), "reports/" + exportId,
                    "file:///exports/reports/" + exportId + ".md"));
        }

        List<String> answered = new ArrayList<>();
        for (CompletableFuture<ApiClient.Response> pending : answers) {
            ApiClient.Response answer = pending.get(10, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.header(PREFERENCE_APPLIED)).isEqualTo("wait=10");
            JsonNode body = answer.json();
            String exportId = body.path("export_id").asString();
            assertThat(body.path("success").asBoolean()).isTrue();
            assertThat(body.path("external_id").asString()).isEqualTo("reports/" + exportId);
            assertThat(body.path("external_url").asString()).isEqualTo("file:///exports/reports/" + exportId + ".md");
            assertThat(body.path("status").asString()).isEqualTo("SUCCEEDED");
            answered.add(exportId);
        }
        assertThat(answered).containsExactlyInAnyOrderElementsOf(exportIds.stream().map(UUID::toString).toList());
    }

    @Test
    void anExportThatFailsWhileTheCallerWaitsIsAProblemWithSuccessFalse() throws Exception {
        UUID exportId = UUID.randomUUID();
        ids.willGenerate(exportId, UUID.randomUUID());
        CompletableFuture<ApiClient.Response> answer = api.postJsonAsync(EXPORT_PATH, token, seedStyleBody(),
                Map.of("Prefer", "wait=10"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusRows(user) == 1);

        publishOutcome(new ExportFailed(1, UUID.randomUUID(), ref(exportId), 1, Instant.now(),
                new ExportError("channel_not_found", "No such channel: reports")));

        ApiClient.Response failed = answer.get(10, TimeUnit.SECONDS);
        assertProblem(failed, 502, "No such channel: reports");
        assertThat(failed.header(PREFERENCE_APPLIED)).isEqualTo("wait=10");
        assertThat(failed.json().path("success").isBoolean()).isTrue();
        assertThat(failed.json().path("success").asBoolean()).isFalse();
        assertThat(failed.json().path("error").asString()).isEqualTo("No such channel: reports");
        assertThat(failed.json().path("error_code").asString()).isEqualTo("channel_not_found");
        assertThat(failed.json().path("export_id").asString()).isEqualTo(exportId.toString());
        assertThat(failed.json().path("export_status").asString()).isEqualTo("FAILED");
    }

    @Test
    void aWaitThatRunsOutIsTheUsual202SayingItWaited() {
        UUID exportId = UUID.randomUUID();
        ids.willGenerate(exportId, UUID.randomUUID());
        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            ApiClient.Response accepted = api.postJson(EXPORT_PATH, token, seedStyleBody(), Map.of("Prefer", "wait=1"));

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.header(PREFERENCE_APPLIED)).isEqualTo("wait=1");
            assertThat(accepted.header("Location")).endsWith("/api/exports/" + exportId);
            assertThat(accepted.json().path("export_id").asString()).isEqualTo(exportId.toString());
            assertThat(accepted.json().path("status").asString()).isEqualTo("QUEUED");
            assertThat(topic.recordsSince(before, 1)).hasSize(1);
        }
    }

    @Test
    void preferencesWithoutAWaitAreAnsweredAsWithoutTheHeader() {
        ApiClient.Response accepted = api.postJson(EXPORT_PATH, token, seedStyleBody(),
                Map.of("Prefer", "return=minimal, wait=soon"));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header(PREFERENCE_APPLIED)).isNull();
        assertThat(accepted.json().path("status").asString()).isEqualTo("QUEUED");
    }

    @Test
    void badInputWithAWaitIsStillA400Problem() {
        Map<String, Object> body = seedStyleBody();
        body.remove("content");

        assertProblem(api.postJson(EXPORT_PATH, token, body, Map.of("Prefer", "wait=10")), 400, "content is required");
        assertThat(statusRows(user)).isZero();
    }

    /** The seed's request: a provider, a destination and the content, nothing else. */
    private static Map<String, Object> seedStyleBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", "folder");
        body.put("destination_id", "reports");
        body.put("content", "# Weekly report\n\nAll **green**.");
        return body;
    }

    private ExportRef ref(UUID exportId) {
        return new ExportRef(exportId, user, "folder", "reports", null, null);
    }

    /** Whether no thread is running code of the classes (a request waiting in them would be). */
    private static boolean noThreadIsIn(Class<?>... classes) {
        List<String> names = Arrays.stream(classes).map(Class::getName).toList();
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .noneMatch(frame -> names.contains(frame.getClassName()));
    }
}
