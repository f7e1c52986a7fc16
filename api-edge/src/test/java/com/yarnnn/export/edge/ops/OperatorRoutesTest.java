package com.yarnnn.export.edge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The operators' routes on a real broker and database: dead letters and parked exports as export-consumer leaves them
 * (records on the topics, DEAD_LETTERED rows and history), counted and listed by error code; a batch replay sends
 * only the count the operator confirmed; the consumer groups' lag; the breakers export-consumer instances published.
 * Each test uses error codes of its own, so records other tests left on the topics are not counted.
 */
class OperatorRoutesTest extends ApiEdgeIntegrationTest {

    private static final String OPERATOR = TestTokens.sign(TestTokens.SECRET,
            claims -> claims.claim("roles", List.of("operator")));
    private static final String USER = TestTokens.forUser(UUID.randomUUID());

    private final String code = "test_" + UUID.randomUUID().toString().substring(0, 8);
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void countsEachProvidersDeadLettersAndParkedExportsByErrorCode() {
        park(ParkingTopic.DEAD_LETTERS, code, "DEAD_LETTERED");
        park(ParkingTopic.DEAD_LETTERS, code, "DEAD_LETTERED");
        park(ParkingTopic.DEAD_LETTERS, code, "SUCCEEDED");
        park(ParkingTopic.PARKED, code, "DEAD_LETTERED");

        ApiClient.Response answer = api.get("/api/ops/failures", OPERATOR);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode folder = elements(answer.json()).stream()
                .filter(p -> p.path("provider").asString().equals("folder")).findFirst().orElseThrow();
        assertThat(count(folder.path("dead_lettered"), code)).isEqualTo(List.of(2, 3));
        assertThat(count(folder.path("parked"), code)).isEqualTo(List.of(1, 1));
        assertThat(elements(answer.json()).stream().map(p -> p.path("provider").asString()))
                .contains("folder", "slack", "notion", "gmail");
    }

    @Test
    void listsDeadLettersOfAnErrorCodeWithTheirAttemptsAndErrors() {
        Parked parked = park(ParkingTopic.DEAD_LETTERS, code, "DEAD_LETTERED");
        park(ParkingTopic.DEAD_LETTERS, "other_" + code, "DEAD_LETTERED");

        ApiClient.Response answer = api.get("/api/ops/dead-letters/folder?error_code=" + code, OPERATOR);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().size()).isEqualTo(1);
        JsonNode entry = answer.json().get(0);
        assertThat(entry.path("export_id").asString()).isEqualTo(parked.exportId().toString());
        assertThat(entry.path("user_id").asString()).isEqualTo(parked.userId().toString());
        assertThat(entry.path("destination_id").asString()).isEqualTo("reports/ops");
        assertThat(entry.path("destination_name").asString()).isEqualTo("Ops reports");
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("error_code").asString()).isEqualTo(code);
        assertThat(entry.path("error_message").asString()).isEqualTo("Still failing");
        assertThat(entry.path("first_failure").asString()).isEqualTo(code + ": First failure");
        assertThat(entry.path("status").asString()).isEqualTo("DEAD_LETTERED");
        assertThat(entry.path("replayable").asBoolean()).isTrue();
        assertThat(entry.path("parked_at").asString()).isEqualTo(parked.at().toString());
    }

    @Test
    void aBatchReplaySendsNothingUnlessTheSelectionHoldsTheConfirmedCount() {
        Parked first = park(ParkingTopic.DEAD_LETTERS, code, "DEAD_LETTERED");
        Parked second = park(ParkingTopic.DEAD_LETTERS, code, "DEAD_LETTERED");
        Parked replayedBefore = park(ParkingTopic.DEAD_LETTERS, code, "SUCCEEDED");
        String path = "/api/ops/dead-letters/folder/replay";

        ApiClient.Response stale = api.postJson(path, OPERATOR, Map.of("error_code", code, "expected_count", 3),
                Map.of());

        assertProblem(stale, 409, "The selection now holds 2 dead letters to replay, not the 3 confirmed");
        assertThat(List.of(status(first), status(second))).containsOnly("DEAD_LETTERED");

        ApiClient.Response confirmed = api.postJson(path, OPERATOR, Map.of("error_code", code, "expected_count", 2),
                Map.of());

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("results").path("REQUEUED").asInt()).isEqualTo(2);
        assertThat(confirmed.json().path("results").path("NOT_REQUEUEABLE").asInt()).isEqualTo(1);
        assertThat(confirmed.json().path("selected").asInt()).isEqualTo(3);
        assertThat(List.of(status(first), status(second))).containsOnly("QUEUED");
        assertThat(status(replayedBefore)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aParkedExportIsListedAndReplayedOnItsOwn() {
        Parked parked = park(ParkingTopic.PARKED, code, "DEAD_LETTERED");
        park(ParkingTopic.PARKED, code, "DEAD_LETTERED");

        ApiClient.Response list = api.get("/api/ops/parked/folder?error_code=" + code, OPERATOR);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsString("export_id")).hasSize(2).contains(parked.exportId().toString());

        ApiClient.Response replay = api.postJson("/api/ops/parked/folder/" + parked.partition() + "/"
                + parked.offset() + "/replay", OPERATOR, Map.of(), Map.of());

        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().path("results").path("REQUEUED").asInt()).isEqualTo(1);
        assertThat(status(parked)).isEqualTo("QUEUED");
    }

    @Test
    void tellsEachConsumerGroupsLagFromItsCommittedOffsets() throws Exception {
        String topic = Topics.requested("folder");
        RecordMetadata last = null;
        for (int i = 0; i < 3; i++) {
            last = producer.send(new ProducerRecord<>(topic, 0, "lag-" + i, new byte[0])).get(10, TimeUnit.SECONDS);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> committed.put(new TopicPartition(topic, p.partition()), new OffsetAndMetadata(0)));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get()
                    .forEach((p, info) -> ends.put(p, info.offset()));
            ends.forEach((p, end) -> committed.put(p, new OffsetAndMetadata(end)));
            committed.put(new TopicPartition(topic, 0), new OffsetAndMetadata(last.offset() - 2));
            admin.alterConsumerGroupOffsets(Topics.workerGroup("folder"), committed).all().get();
        }

        ApiClient.Response answer = api.get("/api/ops/consumer-lag", OPERATOR);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode worker = group(answer.json(), Topics.workerGroup("folder"));
        assertThat(worker.path("lag").asLong()).isEqualTo(3);
        assertThat(worker.path("state").asString()).isEqualTo("EMPTY");
        assertThat(worker.path("members").asInt()).isZero();
        JsonNode approvals = group(answer.json(), Topics.AUTO_EXPORT_GROUP);
        assertThat(approvals.path("members").asInt()).isPositive();
        assertThat(elements(answer.json()).stream().map(g -> g.path("group").asString()))
                .contains(Topics.retryGroup("slack"), Topics.PROJECTOR_GROUP);
    }

    @Test
    void showsTheBreakersOfInstancesThatReportedRecentlyOpenOnesFirst() {
        jdbc.sql("delete from breaker_states").update();
        UUID workspace = UUID.randomUUID();
        breaker("consumer-a", "provider-folder", "folder", null, "CLOSED", Duration.ZERO);
        breaker("consumer-a", "connection-slack:" + workspace, "slack", workspace, "OPEN", Duration.ZERO);
        breaker("consumer-b", "provider-folder", "folder", null, "CLOSED", Duration.ofSeconds(5));
        breaker("consumer-gone", "provider-slack", "slack", null, "OPEN", Duration.ofMinutes(5));

        ApiClient.Response answer = api.get("/api/ops/breakers", OPERATOR);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("instances").asInt()).isEqualTo(2);
        JsonNode breakers = answer.json().path("breakers");
        assertThat(breakers.findValuesAsString("instance_id")).containsExactly("consumer-a", "consumer-a", "consumer-b");
        assertThat(breakers.get(0).path("state").asString()).isEqualTo("OPEN");
        assertThat(breakers.get(0).path("connection_id").asString()).isEqualTo(workspace.toString());
        assertThat(breakers.get(0).path("provider").asString()).isEqualTo("slack");
        assertThat(answer.json().path("staleness_sec").asInt()).isEqualTo(30);
    }

    @Test
    void refusesNonOperatorsUnknownProvidersAndBadFiltersWithProblems() {
        for (String path : List.of("/api/ops/failures", "/api/ops/consumer-lag", "/api/ops/breakers",
                "/api/ops/parked/folder", "/api/ops/dead-letters/folder")) {
            assertThat(api.get(path, USER).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, USER).contentType()).as(path).startsWith("application/problem+json");
        }
        assertThat(api.postJson("/api/ops/dead-letters/folder/replay", USER, Map.of(), Map.of()).status())
                .isEqualTo(403);
        assertProblem(api.get("/api/ops/parked/fax", OPERATOR), 404, "Unknown provider 'fax'");
        assertProblem(api.get("/api/ops/quarantined/folder", OPERATOR), 404, "There are no 'quarantined' records");
        assertProblem(api.postJson("/api/ops/dead-letters/fax/replay", OPERATOR, Map.of(), Map.of()), 404,
                "Unknown provider 'fax'");
        assertProblem(api.get("/api/ops/dead-letters/folder?from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z",
                OPERATOR), 400, "'from' must be before 'to'");
        assertProblem(api.get("/api/ops/parked/folder?error_code=Not%20a%20code", OPERATOR), 400, "'error_code'");
        assertProblem(api.get("/api/ops/dead-letters/folder?from=yesterday", OPERATOR), 400, "from");
        assertProblem(api.postJson("/api/ops/dead-letters/folder/replay", OPERATOR, Map.of("expected_count", -1),
                Map.of()), 400, "'expected_count' must be 0 or more");
    }

    // ---- dead letters as export-consumer leaves them

    private record Parked(UUID exportId, UUID userId, int partition, long offset, Instant at) {
    }

    /** A folder export at attempt 3, parked on the topic with {@code errorCode}, its status now {@code status}. */
    private Parked park(ParkingTopic kind, String errorCode, String status) {
        UUID exportId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), exportId,
                userId, "folder", null, "reports/ops", UUID.randomUUID(), UUID.randomUUID(), "Ops", "# Ops\n",
                ExportTrigger.MANUAL, 1, at);
        jdbc.sql("""
                        insert into export_status (export_id, user_id, provider, destination_id, destination_name,
                            status, attempt, error_code, error_message, created_at, updated_at)
                        values (?, ?, 'folder', 'reports/ops', 'Ops reports', ?, 3, ?, 'Still failing', ?, ?)""")
                .params(exportId, userId, status, errorCode, Timestamp.from(at), Timestamp.from(at)).update();
        jdbc.sql("""
                        insert into export_log (id, export_id, user_id, provider, destination_id, status, attempt,
                            error_code, error_message, occurred_at)
                        values (?, ?, ?, 'folder', 'reports/ops', 'DEAD_LETTERED', 3, ?, 'Still failing', ?)""")
                .params(UUID.randomUUID(), exportId, userId, errorCode, Timestamp.from(at.plusMillis(1))).update();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(kind.topic("folder"), null, at.toEpochMilli(),
                "folder:" + userId, EventJson.mapper().writeValueAsBytes(request));
        record.headers().add(ExportHeaders.FIRST_FAILURE, bytes(errorCode + ": First failure"));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("Still failing"));
        try {
            RecordMetadata written = producer.send(record).get(10, TimeUnit.SECONDS);
            return new Parked(exportId, userId, written.partition(), written.offset(), at);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void breaker(String instance, String name, String provider, UUID connection, String state, Duration ago) {
        jdbc.sql("""
                        insert into breaker_states (instance_id, breaker, provider, connection_id, state, changed_at,
                            seen_at)
                        values (?, ?, ?, ?, ?, now() - interval '1 hour', now() - make_interval(secs => ?))""")
                .params(instance, name, provider, connection, state, (double) ago.toSeconds()).update();
    }

    private String status(Parked parked) {
        return jdbc.sql("select status from export_status where export_id = ?").param(parked.exportId())
                .query(String.class).single();
    }

    /** [waiting, total] of the code's entry. */
    private static List<Integer> count(JsonNode counts, String errorCode) {
        JsonNode entry = elements(counts).stream().filter(c -> c.path("error_code").asString().equals(errorCode))
                .findFirst().orElseThrow(() -> new AssertionError("no count for " + errorCode + " in " + counts));
        return List.of(entry.path("waiting").asInt(), entry.path("total").asInt());
    }

    private static JsonNode group(JsonNode groups, String name) {
        return elements(groups).stream().filter(g -> g.path("group").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + groups));
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
