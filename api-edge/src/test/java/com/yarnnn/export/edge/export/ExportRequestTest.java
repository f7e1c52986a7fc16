package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExportRequestTest extends ApiEdgeIntegrationTest {

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void acceptedExportIsPublishedOnceAndReadableAsQueued() {
        UUID exportId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ids.willGenerate(exportId, eventId);
        Map<String, Object> body = validBody();

        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            ApiClient.Response response = api.postJson(EXPORT_PATH, token, body, Map.of());

            assertThat(response.status()).as(response.body()).isEqualTo(202);
            assertThat(response.json().path("export_id").asString()).isEqualTo(exportId.toString());
            assertThat(response.json().path("status").asString()).isEqualTo("QUEUED");
            assertThat(response.json().path("status_url").asString()).isEqualTo("/api/exports/" + exportId);
            assertThat(response.header("Location")).endsWith("/api/exports/" + exportId);

            List<ConsumerRecord<String, String>> records = topic.recordsSince(before, 1);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("folder:" + user);
            JsonNode event = ApiClient.JSON.readTree(records.get(0).value());
            assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.path("eventId").asString()).isEqualTo(eventId.toString());
            assertThat(event.path("exportId").asString()).isEqualTo(exportId.toString());
            assertThat(event.path("userId").asString()).isEqualTo(user.toString());
            assertThat(event.path("providerId").asString()).isEqualTo("folder");
            assertThat(event.has("connectionId")).isFalse();
            assertThat(event.path("destinationId").asString()).isEqualTo(body.get("destination_id"));
            assertThat(event.path("deliverableId").asString()).isEqualTo(body.get("deliverable_id"));
            assertThat(event.path("deliverableVersionId").asString()).isEqualTo(body.get("deliverable_version_id"));
            assertThat(event.path("title").asString()).isEqualTo(body.get("title"));
            assertThat(event.path("content").asString()).isEqualTo(body.get("content"));
            assertThat(event.path("trigger").asString()).isEqualTo("MANUAL");
            assertThat(event.path("attempt").asInt()).isEqualTo(1);
            assertThat(event.path("requestedAt").asString()).isEqualTo(FixedClockAndScriptedIds.NOW.toString());
        }

        JsonNode status = api.get("/api/exports/" + exportId, token).json();
        assertThat(status.path("export_id").asString()).isEqualTo(exportId.toString());
        assertThat(status.path("provider_id").asString()).isEqualTo("folder");
        assertThat(status.path("destination_id").asString()).isEqualTo(body.get("destination_id"));
        assertThat(status.path("deliverable_id").asString()).isEqualTo(body.get("deliverable_id"));
        assertThat(status.path("deliverable_version_id").asString()).isEqualTo(body.get("deliverable_version_id"));
        assertThat(status.path("title").asString()).isEqualTo(body.get("title"));
        assertThat(status.path("status").asString()).isEqualTo("QUEUED");
        assertThat(status.path("attempt").asInt()).isZero();
        assertThat(status.path("error").isNull()).isTrue();
        assertThat(status.path("created_at").asString()).isEqualTo(FixedClockAndScriptedIds.NOW.toString());
        assertThat(status.path("updated_at").asString()).isEqualTo(FixedClockAndScriptedIds.NOW.toString());
        assertThat(status.path("completed_at").isNull()).isTrue();
    }

    @Test
    void sameIdempotencyKeyTwiceIsOneExport() {
        assertOneExportPublished("retry-me-1", (body, key) -> Stream.of(1, 2)
                .map(i -> api.postJson(EXPORT_PATH, token, body, key)).toList());
    }

    @Test
    void concurrentRequestsWithTheSameKeyPublishOnce() {
        assertOneExportPublished("double-click", (body, key) -> IntStream.range(0, 4)
                .mapToObj(i -> api.postJsonAsync(EXPORT_PATH, token, body, key)).toList()
                .stream().map(CompletableFuture::join).toList());
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "reused");
        assertThat(api.postJson(EXPORT_PATH, token, validBody(), key).status()).isEqualTo(202);

        try (TopicProbe topic = folderTopic()) {
            long before = topic.recordCount();
            ApiClient.Response reused = api.postJson(EXPORT_PATH, token, validBody(), key);

            assertProblem(reused, 422, "Idempotency-Key was already used for a different export request");
            assertThat(topic.recordCount()).isEqualTo(before);
        }
    }

    @Test
    void sameKeyOfAnotherUserIsAnotherExport() {
        Map<String, Object> body = validBody();
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key");

        String mine = api.postJson(EXPORT_PATH, token, body, key).json().path("export_id").asString();
        String theirs = api.postJson(EXPORT_PATH, TestTokens.forUser(UUID.randomUUID()), body, key)
                .json().path("export_id").asString();

        assertThat(mine).isEqualTo(exportIdFor("shared-key"));
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void anExportWithoutTitleOrVersionIsAdHocTitledFromItsContentAndFollowedLikeAnyOther() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", "folder");
        body.put("destination_id", "notes");
        body.put("content", "Draft notes\n\n## Standup, **Tuesday**\n\n- shipped");
        Map<String, String> key = Map.of("Idempotency-Key", "ad-hoc-1");

        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            ApiClient.Response first = api.postJson(EXPORT_PATH, token, body, key);
            ApiClient.Response again = api.postJson(EXPORT_PATH, token, body, key);

            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(again.json().path("export_id").asString()).isEqualTo(exportIdFor("ad-hoc-1"))
                    .isEqualTo(first.json().path("export_id").asString());
            List<ConsumerRecord<String, String>> records = topic.recordsSince(before, 1);
            assertThat(records).hasSize(1);
            JsonNode event = ApiClient.JSON.readTree(records.get(0).value());
            assertThat(event.has("deliverableVersionId")).isFalse();
            assertThat(event.path("title").asString()).isEqualTo("Standup, Tuesday");
        }
        String exportId = exportIdFor("ad-hoc-1");
        JsonNode status = api.get("/api/exports/" + exportId, token).json();
        assertThat(status.path("status").asString()).isEqualTo("QUEUED");
        assertThat(status.path("title").asString()).isEqualTo("Standup, Tuesday");
        assertThat(status.path("deliverable_version_id").isNull()).isTrue();
        assertThat(api.get("/api/exports", token).json().path("exports").valueStream()
                .map(e -> e.path("export_id").asString())).containsExactly(exportId);
        assertThat(api.get("/api/exports?version_id=" + UUID.randomUUID(), token).json().path("exports")).isEmpty();
    }

    /** Sends one body with one key as {@code send} does, and expects every answer to name the same export. */
    private void assertOneExportPublished(String idempotencyKey,
            BiFunction<Map<String, Object>, Map<String, String>, List<ApiClient.Response>> send) {
        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            List<ApiClient.Response> answered = send.apply(validBody(), Map.of("Idempotency-Key", idempotencyKey));

            assertThat(answered).extracting(ApiClient.Response::status).containsOnly(202);
            assertThat(answered).extracting(r -> r.json().path("export_id").asString())
                    .containsOnly(exportIdFor(idempotencyKey));
            assertThat(topic.recordsSince(before, 1)).hasSize(1);
        }
        assertThat(statusRows(user)).isEqualTo(1);
    }

    private String exportIdFor(String idempotencyKey) {
        return UUID.nameUUIDFromBytes((user + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
