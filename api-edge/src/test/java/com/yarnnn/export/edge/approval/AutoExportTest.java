package com.yarnnn.export.edge.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** Approval events become one export per auto-export preference, once per version and destination. */
class AutoExportTest extends ConnectedAccountsIntegrationTest {

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    private ApprovalEvents product;
    private final UUID owner = UUID.randomUUID();
    private final String token = TestTokens.forUser(owner);
    private final UUID deliverable = UUID.randomUUID();

    @BeforeEach
    void product() {
        product = new ApprovalEvents(kafka);
    }

    @Test
    void anApprovalQueuesOneExportPerAutoExportPreference() throws Exception {
        connections.add(owner, "teamchat", "W1", new StoredTokens(Secret.of("teamchat-token"), null, null));
        prefer("folder", "reports/weekly", true);
        prefer("folder", "archive", true);
        prefer("teamchat", "C001", false);
        DeliverableApproved approval = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);

        try (TopicProbe folder = folderTopic(); TopicProbe teamchat = new TopicProbe(bootstrapServers, Topics.requested("teamchat"))) {
            Map<TopicPartition, Long> folderBefore = folder.endOffsets();
            long teamchatBefore = teamchat.recordCount();
            product.publish(approval);

            JsonNode exports = awaitExports(approval, 2);
            assertThat(exports.valueStream().map(e -> e.path("destination_id").asString()))
                    .containsExactlyInAnyOrder("reports/weekly", "archive");
            assertThat(exports.valueStream().map(e -> e.path("export_id").asString())).containsExactlyInAnyOrder(
                    approval.exportIdFor("folder", "reports/weekly").toString(),
                    approval.exportIdFor("folder", "archive").toString());
            assertThat(exports.valueStream().map(e -> e.path("trigger").asString())).containsOnly("APPROVAL");
            assertThat(exports.valueStream().map(e -> e.path("status").asString())).containsOnly("QUEUED");

            List<ConsumerRecord<String, String>> published = folder.recordsSince(folderBefore, 2);
            assertThat(published).hasSize(2);
            JsonNode event = ApiClient.JSON.readTree(published.get(0).value());
            assertThat(event.path("trigger").asString()).isEqualTo("APPROVAL");
            assertThat(event.path("deliverableVersionId").asString()).isEqualTo(approval.versionId().toString());
            assertThat(event.path("content").asString()).isEqualTo(approval.content());
            assertThat(teamchat.recordCount()).as("the preference without auto-export").isEqualTo(teamchatBefore);
        }
    }

    @Test
    void theSameApprovalTwiceQueuesEachExportOnce() throws Exception {
        prefer("folder", "reports/weekly", true);
        prefer("folder", "archive", true);
        UUID version = UUID.randomUUID();
        DeliverableApproved first = ApprovalEvents.approval(deliverable, version, owner);
        DeliverableApproved copy = ApprovalEvents.approval(deliverable, version, owner);

        try (TopicProbe folder = folderTopic()) {
            Map<TopicPartition, Long> before = folder.endOffsets();
            product.publish(first);
            product.publish(copy);
            // the next version, on the same partition, marks the point where both copies were handled
            DeliverableApproved next = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);
            product.publish(next);
            awaitExports(next, 2);

            assertThat(awaitExports(first, 2)).hasSize(2);
            List<ConsumerRecord<String, String>> published = folder.recordsSince(before, 4);
            assertThat(published.stream().map(r -> ApiClient.JSON.readTree(r.value()).path("exportId").asString()))
                    .containsExactlyInAnyOrder(first.exportIdFor("folder", "reports/weekly").toString(),
                            first.exportIdFor("folder", "archive").toString(),
                            next.exportIdFor("folder", "reports/weekly").toString(),
                            next.exportIdFor("folder", "archive").toString());
        }
    }

    @Test
    void aPreferenceWithoutAWorkingConnectionBecomesAFailedExportWithTheReason() throws Exception {
        Connection chat = connections.add(owner, "teamchat", "W1", new StoredTokens(Secret.of("t"), null, null));
        prefer("teamchat", "C001", true);
        connections.markNeedsReauth(chat.id());
        DeliverableApproved approval = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);

        product.publish(approval);

        JsonNode failed = awaitExports(approval, 1).get(0);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("error").path("code").asString()).isEqualTo("needs_reauth");
        assertThat(failed.path("error").path("message").asString()).contains("Reconnect Teamchat");
        assertThat(failed.path("destination_name").asString()).isEqualTo("#general");
        assertThat(failed.path("attempts")).hasSize(1);

        connections.clear();
        DeliverableApproved next = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);
        product.publish(next);
        assertThat(awaitExports(next, 1).get(0).path("error").path("code").asString()).isEqualTo("not_connected");
    }

    @Test
    void anUnreadableApprovalIsSetAsideAndTheNextOneIsHandled() throws Exception {
        prefer("folder", "reports", true);
        DeliverableApproved approval = ApprovalEvents.approval(deliverable, UUID.randomUUID(), owner);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);

        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.APPROVALS_DEAD_LETTER);
             KafkaProducer<String, String> raw = new KafkaProducer<>(config)) {
            Map<TopicPartition, Long> before = deadLetters.endOffsets();
            raw.send(new ProducerRecord<>(Topics.APPROVALS, deliverable.toString(), "{\"not\": \"an approval\"}")).get();
            product.publish(approval);

            assertThat(awaitExports(approval, 1)).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.recordCount() > before.values().stream()
                    .mapToLong(Long::longValue).sum());
            assertThat(deadLetters.recordsSince(before, 1).get(0).value()).isEqualTo("{\"not\": \"an approval\"}");
        }
    }

    private void prefer(String provider, String destination, boolean auto) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", provider);
        body.put("destination_id", destination);
        body.put("auto_export", auto);
        ApiClient.Response saved = api.postJson("/api/deliverables/" + deliverable + "/export-preferences", token,
                body, Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private JsonNode awaitExports(DeliverableApproved approval, int count) {
        String path = "/api/deliverables/" + deliverable + "/exports?version_id=" + approval.versionId();
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, token).json().path("exports"),
                exports -> exports.size() >= count);
    }
}
