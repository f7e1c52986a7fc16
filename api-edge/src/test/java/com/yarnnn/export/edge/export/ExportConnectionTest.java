package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import com.yarnnn.export.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An export to a provider that needs an account goes through the user's connection, or is refused. */
class ExportConnectionTest extends ConnectedAccountsIntegrationTest {

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void withoutAConnectionTheExportIsRefusedAndNothingIsPublished() {
        try (TopicProbe topic = teamchatTopic()) {
            long before = topic.recordCount();

            ApiClient.Response response = api.postJson(EXPORT_PATH, token, teamchatBody(), Map.of());

            assertProblem(response, 409, "Connect Teamchat first");
            assertThat(response.json().path("code").asString()).isEqualTo("not_connected");
            assertThat(topic.recordCount()).isEqualTo(before);
        }
        assertThat(statusRows(user)).isZero();
    }

    @Test
    void aConnectionThatNeedsReauthorisationRefusesTheExport() {
        Connection connection = connections.add(user, "teamchat", "W1", new StoredTokens(Secret.of("t"), null, null));
        connections.markNeedsReauth(connection.id());
        try (TopicProbe topic = teamchatTopic()) {
            long before = topic.recordCount();

            ApiClient.Response response = api.postJson(EXPORT_PATH, token, teamchatBody(), Map.of());

            assertProblem(response, 409, "Reconnect Teamchat: its access was revoked or expired");
            assertThat(response.json().path("code").asString()).isEqualTo("needs_reauth");
            assertThat(topic.recordCount()).isEqualTo(before);
        }
        assertThat(statusRows(user)).isZero();
    }

    @Test
    void theExportCarriesTheLatestActiveConnectionAndIsKeyedByIt() {
        StoredTokens tokens = new StoredTokens(Secret.of("teamchat-token"), null, null);
        Instant now = FixedClockAndScriptedIds.NOW;
        connections.add(user, "teamchat", "W-old", tokens, now.minus(Duration.ofDays(2)));
        Connection latestActive = connections.add(user, "teamchat", "W-new", tokens, now.minus(Duration.ofDays(1)));
        Connection newestBroken = connections.add(user, "teamchat", "W-broken", tokens, now);
        connections.markNeedsReauth(newestBroken.id());

        try (TopicProbe topic = teamchatTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();

            ApiClient.Response response = api.postJson(EXPORT_PATH, token, teamchatBody(), Map.of());

            assertThat(response.status()).as(response.body()).isEqualTo(202);
            List<ConsumerRecord<String, String>> records = topic.recordsSince(before, 1);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo(latestActive.id().toString());
            JsonNode event = ApiClient.JSON.readTree(records.get(0).value());
            assertThat(event.path("connectionId").asString()).isEqualTo(latestActive.id().toString());
            assertThat(records.get(0).value()).doesNotContain("teamchat-token");
        }
    }

    private TopicProbe teamchatTopic() {
        return new TopicProbe(bootstrapServers, Topics.requested("teamchat"));
    }

    private static Map<String, Object> teamchatBody() {
        Map<String, Object> body = validBody();
        body.put("provider_id", "teamchat");
        body.put("destination_id", "C001");
        return body;
    }
}
