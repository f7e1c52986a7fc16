package com.yarnnn.export.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A failure at each step boundary of an export request, and the client's retry with the same Idempotency-Key and
 * body: whichever step failed, the retry names the export of the first try and its request is on the topic once
 * (the relay sends what was committed but not acknowledged once the producer's delivery timeout has passed).
 */
@TestPropertySource(properties = {
        "spring.kafka.producer.properties[request.timeout.ms]=1000",
        "spring.kafka.producer.properties[delivery.timeout.ms]=1500",
        "yarnnn.outbox.sweep-interval=200ms",
        // the producer holds each record this long before sending it: an answer that did not wait for the ack comes first
        "spring.kafka.producer.properties[linger.ms]=300"})
class OutboxRecoveryTest extends ApiEdgeIntegrationTest {

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Autowired
    private Failpoints failpoints;

    @AfterEach
    void disarm() {
        failpoints.disarmAll();
    }

    @Test
    void theAnswerComesOnceTheRequestIsOnItsPartitionSoALaterRequestThroughAnyInstanceComesAfterIt() {
        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            ApiClient.Response accepted = api.postJson(EXPORT_PATH, token, validBody(), Map.of());

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            Map<TopicPartition, Long> after = topic.endOffsets();
            assertThat(after.values().stream().mapToLong(Long::longValue).sum()
                    - before.values().stream().mapToLong(Long::longValue).sum())
                    .as("records on the topic when the 202 arrived").isEqualTo(1);
        }
    }

    @Test
    void aFailureBeforeTheCommitLeavesNothingAndTheRetryQueuesTheExportOnce() {
        assertRetryFindsTheFirstExport("edge-before-commit", "retry-before-commit");
    }

    @Test
    void aFailureAfterTheCommitBeforeTheSendIsSentByTheRelayAndTheRetryFindsIt() {
        assertRetryFindsTheFirstExport("edge-after-commit", "retry-after-commit");
    }

    @Test
    void anAnswerLostAfterTheSendIsFoundByTheRetry() {
        assertRetryFindsTheFirstExport("edge-before-answer", "retry-lost-answer");
    }

    @Test
    void anAcknowledgedEventWhoseOutboxRowOutlivesItIsSentAgainWithItsOwnIdAndThenDeleted() {
        failpoints.arm("edge-after-publish-ack", "error:50");
        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            ApiClient.Response accepted = api.postJson(EXPORT_PATH, token, validBody(), Map.of());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String exportId = accepted.json().path("export_id").asString();

            List<ConsumerRecord<String, String>> copies = topic.recordsSince(before, 2);
            assertThat(copies).extracting(r -> ApiClient.JSON.readTree(r.value()).path("exportId").asString())
                    .containsOnly(exportId);
            assertThat(copies).extracting(r -> ApiClient.JSON.readTree(r.value()).path("eventId").asString())
                    .as("a copy is the same event").hasSize(2).containsOnly(
                            ApiClient.JSON.readTree(copies.get(0).value()).path("eventId").asString());
        }
        failpoints.disarmAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(user) == 0);
    }

    private void assertRetryFindsTheFirstExport(String failpoint, String idempotencyKey) {
        Map<String, Object> body = validBody();
        Map<String, String> key = Map.of("Idempotency-Key", idempotencyKey);
        try (TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            failpoints.arm(failpoint, "error");

            ApiClient.Response failed = api.postJson(EXPORT_PATH, token, body, key);
            assertThat(failed.status()).as(failed.body()).isGreaterThanOrEqualTo(500);
            ApiClient.Response retried = api.postJson(EXPORT_PATH, token, body, key);

            assertThat(retried.status()).as(retried.body()).isEqualTo(202);
            String exportId = exportIdFor(idempotencyKey);
            assertThat(retried.json().path("export_id").asString()).isEqualTo(exportId);
            List<ConsumerRecord<String, String>> published = topic.recordsSince(before, 1);
            assertThat(published).extracting(r -> ApiClient.JSON.readTree(r.value()).path("exportId").asString())
                    .containsExactly(exportId);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outboxRows(user) == 0);
            assertThat(topic.recordsSince(before, 1)).as("nothing sent twice").hasSize(1);
        }
        assertThat(statusRows(user)).isEqualTo(1);
    }

    private long outboxRows(UUID owner) {
        return jdbc.sql("select count(*) from event_outbox where payload like ?").param("%" + owner + "%")
                .query(Long.class).single();
    }

    private String exportIdFor(String idempotencyKey) {
        return UUID.nameUUIDFromBytes((user + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
