package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Dead-letter operations on the whole pipeline: a folder server that cannot start dead-letters exports; after the
 * consumer is redeployed with a working server, an operator replays them and each is delivered once; an owner
 * retries a FAILED export; a replay that fails again is parked.
 */
class DeadLetterReplayTest extends LocalStackTest {

    private static final Map<String, Object> BROKEN_SERVER = Map.of(
            "yarnnn.providers.folder.entry", "node_modules/not-installed/index.js");
    private static final Map<String, Object> WORKING_SERVER = Map.of(
            "yarnnn.providers.folder.entry", "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");

    static StackClient operator;

    @BeforeAll
    static void start() {
        // the folder's breaker would hold the failing exports back without spending attempts (SlackStormTest shows
        // that); here they must run out of attempts to be dead-lettered
        startStack(Map.of("yarnnn.delivery.retry-delays", "50ms,50ms", "yarnnn.providers.folder.entry",
                BROKEN_SERVER.get("yarnnn.providers.folder.entry"),
                "resilience4j.circuitbreaker.configs.default.sliding-window-size", "1000",
                "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", "1000"));
        operator = new StackClient(stack.baseUrl(),
                DevTokens.mint(SECRET, UUID.randomUUID(), Duration.ofHours(1), List.of("operator")));
    }

    @Test
    void operatorReplaysDeadLetteredExportsOnceTheProviderWorksAgainAndEachIsDeliveredOnce() throws Exception {
        Instant start = Instant.now();
        UUID first = client.export("replay", "First", "One\n").exportId();
        UUID second = client.export("replay", "Second", "Two\n").exportId();
        awaitStatus(first, "DEAD_LETTERED");
        awaitStatus(second, "DEAD_LETTERED");

        JsonNode parked = operator.get("/api/ops/dead-letters/folder?cause=server_unavailable").body();
        assertThat(exportIds(parked)).contains(first.toString(), second.toString());
        assertThat(client.get("/api/ops/dead-letters/folder").status()).isEqualTo(403);
        assertThat(client.get("/api/exports?status=DEAD_LETTERED").body().findValuesAsString("export_id"))
                .contains(first.toString(), second.toString());

        redeployConsumer(WORKING_SERVER);
        JsonNode summary = operator.post("/api/ops/dead-letters/folder/replay",
                Map.of("cause", "server_unavailable", "from", start.toString())).body();
        assertThat(summary.get("results").get("REQUEUED").asInt()).isEqualTo(2);
        awaitStatus(first, "SUCCEEDED");
        awaitStatus(second, "SUCCEEDED");

        JsonNode again = operator.post("/api/ops/dead-letters/folder/replay", Map.of("cause", "server_unavailable")).body();
        assertThat(again.get("results").has("REQUEUED")).isFalse();
        assertThat(statusOf(first).get("attempt").asInt()).isEqualTo(4);
        assertThat(logStatuses(first)).containsExactly("RETRYING", "RETRYING", "DEAD_LETTERED", "QUEUED", "SUCCEEDED");
        try (Stream<Path> files = Files.list(exports.resolve("replay"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("first-"))).hasSize(1);
        }
    }

    @Test
    void anOwnerRetriesAFailedExportAndAReplayThatFailsAgainIsParked() throws Exception {
        redeployConsumer(WORKING_SERVER);
        Files.writeString(exports.resolve("blocked"), "a file where the folder should be");
        UUID refused = client.export("blocked", "Refused", "Body\n").exportId();
        awaitStatus(refused, "FAILED");
        assertThat(statusOf(refused).get("error").get("code").asString()).isEqualTo("folder_write_refused");

        assertThat(client.post("/api/exports/" + refused + "/retry", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> logStatuses(refused).size() == 3);
        assertThat(logStatuses(refused)).containsExactly("FAILED", "QUEUED", "FAILED");
        assertThat(statusOf(refused).get("attempt").asInt()).isEqualTo(2);
        assertThat(client.post("/api/exports/" + UUID.randomUUID() + "/retry", Map.of()).status()).isEqualTo(404);

        redeployConsumer(BROKEN_SERVER);
        UUID doomed = client.export("parked", "Doomed", "Body\n").exportId();
        awaitStatus(doomed, "DEAD_LETTERED");
        long parkedBefore = endOffsets(Topics.parked("folder"));
        assertThat(client.post("/api/exports/" + doomed + "/retry", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> endOffsets(Topics.parked("folder")) > parkedBefore);
        awaitStatus(doomed, "DEAD_LETTERED");
        assertThat(statusOf(doomed).get("attempt").asInt()).isEqualTo(6);
    }

    private static void redeployConsumer(Map<String, Object> changes) {
        stack.stopConsumer();
        stack.startConsumer(changes);
    }

    private static long endOffsets(String topic) {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                Infrastructure.forTests().kafka().bootstrapServers()))) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> exportIds(JsonNode entries) {
        return entries.findValuesAsString("export_id");
    }

    private static JsonNode statusOf(UUID exportId) {
        return client.get("/api/exports/" + exportId).body();
    }

    private static void awaitStatus(UUID exportId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(statusOf(exportId).get("status").asString()));
    }

    private static List<String> logStatuses(UUID exportId) {
        return jdbc.sql("select status from export_log where export_id = ? order by occurred_at").param(exportId)
                .query(String.class).list();
    }
}
