package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Its own application context: the producer points at a port nobody listens on. */
@TestPropertySource(properties = {
        "spring.kafka.producer.properties[max.block.ms]=1000",
        "spring.kafka.producer.properties[request.timeout.ms]=1000",
        "spring.kafka.producer.properties[delivery.timeout.ms]=1500",
        "yarnnn.kafka.publish-timeout=3s"})
@ExtendWith(OutputCaptureExtension.class)
class KafkaUnavailableTest extends ApiEdgeIntegrationTest {

    @DynamicPropertySource
    static void unreachableProducer(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
    }

    @Test
    void exportIsRefusedWith503AndNothingIsLeft(CapturedOutput output) {
        UUID user = UUID.randomUUID();
        Map<String, Object> body = validBody();
        String content = "private-numbers-" + UUID.randomUUID();
        body.put("content", content);

        try (TopicProbe topic = folderTopic()) {
            long before = topic.recordCount();
            ApiClient.Response response = api.postJson(EXPORT_PATH, TestTokens.forUser(user), body,
                    Map.of("Idempotency-Key", "try-again-later"));

            assertProblem(response, 503, "Could not queue the export, nothing was queued");
            assertThat(topic.recordCount()).isEqualTo(before);
        }
        assertThat(statusRows(user)).isZero();
        assertThat(output.getAll()).contains("was not queued").doesNotContain(content);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
