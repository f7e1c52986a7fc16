package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.McpTestClients;
import com.yarnnn.export.edge.TestTokens;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Its own application context: the producer points at a port nobody listens on. An export is still accepted —
 * its row and request are committed, and the request waits in the outbox for the broker — and nothing leaks.
 */
@TestPropertySource(properties = {
        "spring.kafka.producer.properties[max.block.ms]=1000",
        "spring.kafka.producer.properties[request.timeout.ms]=1000",
        "spring.kafka.producer.properties[delivery.timeout.ms]=1500"})
@ExtendWith(OutputCaptureExtension.class)
class KafkaUnavailableTest extends ApiEdgeIntegrationTest {

    @DynamicPropertySource
    static void unreachableProducer(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
    }

    @Test
    void anExportIsAcceptedAndWaitsInTheOutboxWhileTheBrokerIsDown(CapturedOutput output) {
        UUID user = UUID.randomUUID();
        Map<String, Object> body = validBody();
        String content = "private-numbers-" + UUID.randomUUID();
        body.put("content", content);

        ApiClient.Response response = api.postJson(EXPORT_PATH, TestTokens.forUser(user), body,
                Map.of("Idempotency-Key", "broker-down"));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String exportId = response.json().path("export_id").asString();
        assertThat(api.get("/api/exports/" + exportId, TestTokens.forUser(user)).json().path("status").asString())
                .isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from event_outbox where payload like ?").param("%" + exportId + "%")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(content);
    }

    @Test
    void anExportFromAnAssistantIsAcceptedAlikeAndWaitsInTheOutbox() {
        UUID user = UUID.randomUUID();
        Map<String, Object> arguments = McpTestClients.folderExport();
        arguments.put("idempotency_key", "assistant-broker-down");

        Map<String, Object> accepted;
        try (McpSyncClient client = McpTestClients.connect(port(), McpTestClients.tokenFor(port(), user))) {
            accepted = McpTestClients.structured(McpTestClients.call(client, "export_deliverable", arguments));
        }

        assertThat(accepted.get("status")).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from event_outbox where payload like ?")
                .param("%" + accepted.get("export_id") + "%").query(Integer.class).single()).isEqualTo(1);
    }

    /** Its request would otherwise reach the other tests' broker through their relays, which share the database. */
    @AfterEach
    void forgetTheWaitingRequest() {
        jdbc.sql("delete from event_outbox").update();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
