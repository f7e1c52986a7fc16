package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.fakes.slack.FakeSlackApi;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Faults between the pipeline and Slack, through the real Slack MCP server and a local fake Slack API; each test
 * reports what was delivered, lost or duplicated.
 */
class SlackFaultTest extends VendorStackTest {

    static FakeSlackApi slack;
    static StackClient operator;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("yarnnn.mcp.request-timeout", "2s");
        properties.put("yarnnn.delivery.retry-delays", "300ms,300ms,300ms");
        properties.putAll(breakersThatStayClosed());
        startStackWithFakes(properties);
        slack = fakes.slack;
        operator = new StackClient(stack.baseUrl(),
                DevTokens.mint(SECRET, UUID.randomUUID(), Duration.ofHours(1), List.of("operator")));
    }

    @Test
    void aHangingCallTimesOutAndTheRetryFindsTheMessageInsteadOfPostingAgain() {
        String channel = "C0HANGING1";
        CountDownLatch release = slack.holdNextAnswer("chat.postMessage");
        int threadsBefore = Thread.activeCount();

        UUID export = accept(channel);

        awaitStatus(export, "SUCCEEDED");
        release.countDown();
        report("hang", 1, slack.messagesIn(channel), export);
        assertThat(slack.messagesIn(channel)).isEqualTo(1);
        exportLog.awaitStatuses(export, "RETRYING", "SUCCEEDED");
        assertThat(exportLog.errorOfFirstAttempt(export)).isEqualTo("timeout");
        assertThat(Thread.activeCount() - threadsBefore).as("threads left behind").isLessThan(10);
    }

    @Test
    void aServerKilledMidCallIsReplacedAndTheExportIsDeliveredOnce() {
        String channel = "C0KILLED01";
        CountDownLatch release = slack.holdNextAnswer("chat.postMessage");

        UUID export = accept(channel);
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messagesIn(channel) == 1);
        ProcessHandle server = slackServer();
        server.destroyForcibly();

        awaitStatus(export, "SUCCEEDED");
        release.countDown();
        report("killed mid-call", 1, slack.messagesIn(channel), export);
        assertThat(slack.messagesIn(channel)).isEqualTo(1);
        exportLog.awaitStatuses(export, "RETRYING", "SUCCEEDED");
        // server_exited, unless a loaded machine let the 2 s request timeout pass first (that a dead server fails
        // its calls at once is McpSessionManagerTest's); either way the retry found the message
        assertThat(exportLog.errorOfFirstAttempt(export)).isIn("server_exited", "timeout");
        assertThat(slackServer().pid()).isNotEqualTo(server.pid());
    }

    @Test
    void aRateLimitPausesThatChannelOnlyAndTheExportIsDeliveredOnceAfterTheWait() {
        String limited = "C0LIMITED1";
        String other = "C0NOTLIMIT";
        slack.answerNext("chat.postMessage", 429, Map.of("Retry-After", "10"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        UUID paused = accept(limited);
        awaitStatus(paused, "RETRYING");
        UUID unaffected = accept(other);
        awaitStatus(unaffected, "SUCCEEDED");
        assertThat(status(paused).get("status").asString()).isEqualTo("RETRYING");
        awaitStatus(paused, "SUCCEEDED");

        report("429", 1, slack.messagesIn(limited), paused);
        assertThat(slack.messagesIn(limited)).isEqualTo(1);
        assertThat(slack.messagesIn(other)).isEqualTo(1);
        exportLog.awaitStatuses(paused, "RETRYING", "SUCCEEDED");
        Instant limitedAt = exportLog.occurredAt(paused, "RETRYING");
        assertThat(Duration.between(limitedAt, exportLog.occurredAt(paused, "SUCCEEDED")))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(exportLog.occurredAt(unaffected, "SUCCEEDED")).isBefore(limitedAt.plusSeconds(10));
    }

    @Test
    void anOutageLongerThanAllRetriesDeadLettersAndAReplayAfterRecoveryDeliversOnce() {
        String channel = "C0OUTAGE01";
        for (int i = 0; i < 4; i++) {
            slack.answerNext("chat.postMessage", 503, Map.of(), "<html><body>Service Unavailable</body></html>");
        }

        Instant start = Instant.now();
        UUID export = accept(channel);
        awaitStatus(export, "DEAD_LETTERED");
        assertThat(slack.messagesIn(channel)).isZero();
        // only this test's dead letters: requeued exports of earlier test classes would still be posting when the
        // next test holds Slack's next answer
        JsonNode summary = operator.post("/api/ops/dead-letters/slack/replay",
                Map.of("cause", "slack_unreachable", "from", start.toString())).body();
        assertThat(summary.get("results").get("REQUEUED").asInt()).isEqualTo(1);
        awaitStatus(export, "SUCCEEDED");

        report("outage + replay", 1, slack.messagesIn(channel), export);
        assertThat(slack.messagesIn(channel)).isEqualTo(1);
        exportLog.awaitStatuses(export, "RETRYING", "RETRYING", "RETRYING", "DEAD_LETTERED", "QUEUED", "SUCCEEDED");
    }

    private static UUID accept(String channel) {
        StackClient.Response accepted = client.export("slack", channel, "Fault report", "Body of the report\n");
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.exportId();
    }

    private static ProcessHandle slackServer() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("server-slack"))
                .filter(ProcessHandle::isAlive)
                .findFirst().orElseThrow();
    }

    private static JsonNode status(UUID export) {
        return client.get("/api/exports/" + export).body();
    }

    private static void awaitStatus(UUID export, String expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> expected.equals(status(export).get("status").asString()));
    }

    private static void report(String fault, int sent, int delivered, UUID export) {
        System.out.printf("fault %s: sent=%d delivered=%d lost=%d duplicated=%d terminal=%s%n", fault, sent, delivered,
                Math.max(0, sent - delivered), Math.max(0, delivered - sent), status(export).get("status").asString());
    }
}
