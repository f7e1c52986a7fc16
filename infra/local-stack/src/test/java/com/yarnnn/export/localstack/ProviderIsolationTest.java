package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Slack fails every call while folder exports go on: the folder's accepted → SUCCEEDED latency stays near what it
 * was before the outage, and no Slack export is lost (each is waiting to be retried or parked).
 */
class ProviderIsolationTest extends VendorStackTest {

    private static final int SAMPLES = 10;


    @BeforeAll
    static void start() throws Exception {
        // the connection's breaker would hold the failing exports back without spending attempts (SlackStormTest
        // shows that); here they must run out of attempts, so none is left on the retry topics for the next class
        startStackWithFakes(Map.of("yarnnn.delivery.retry-delays", "200ms,200ms,200ms",
                "resilience4j.circuitbreaker.configs.connection.sliding-window-size", "1000",
                "resilience4j.circuitbreaker.configs.connection.minimum-number-of-calls", "1000"));
    }


    @Test
    void oneProviderFailingEveryCallLeavesTheOthersLatencyAlone() {
        List<Long> before = folderLatencies();
        for (int i = 0; i < 200; i++) {
            fakes.slack.answerNext("chat.postMessage", 503, Map.of(), "<html><body>Service Unavailable</body></html>");
        }
        List<UUID> failing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StackClient.Response accepted = client.export("slack", "C0DOWN%04d".formatted(i), "Outage " + i, "Body\n");
            assertThat(accepted.status()).isEqualTo(202);
            failing.add(accepted.exportId());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> failing.stream().anyMatch(id -> !"QUEUED".equals(status(id))));

        List<Long> during = folderLatencies();

        long delivered = failing.stream().filter(id -> "SUCCEEDED".equals(status(id))).count();
        long accountedFor = failing.stream()
                .filter(id -> List.of("QUEUED", "RUNNING", "RETRYING", "DEAD_LETTERED").contains(status(id))).count();
        System.out.printf("one provider down: folder accepted→SUCCEEDED median %d ms before, %d ms during the Slack "
                        + "outage (%d samples each); slack exports=%d delivered=%d lost=%d%n", median(before),
                median(during), SAMPLES, failing.size(), delivered, failing.size() - accountedFor - delivered);
        assertThat(delivered).isZero();
        assertThat(accountedFor).isEqualTo(failing.size());
        assertThat(median(during)).isLessThanOrEqualTo(median(before) * 5 + 200);
        // none may still be retrying when the next test class's stack starts on the same broker
        await().atMost(Duration.ofSeconds(60))
                .until(() -> failing.stream().allMatch(id -> "DEAD_LETTERED".equals(status(id))));
    }

    private static List<Long> folderLatencies() {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            StackClient.Response accepted = client.export("isolation", "Folder " + i, "Body " + i + "\n");
            String url = accepted.body().get("status_url").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(client.get(url).body().get("status").asString()));
            JsonNode status = client.get(url).body();
            latencies.add(Duration.between(Instant.parse(status.get("created_at").asString()),
                    Instant.parse(status.get("completed_at").asString())).toMillis());
        }
        return latencies;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String status(UUID export) {
        return client.get("/api/exports/" + export).body().get("status").asString();
    }
}
