package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export-consumer as its own process, killed (SIGKILL) after Slack received the message and before the worker could
 * record the outcome. The next process waits out the dead worker's lease, takes the export over, finds the message
 * in the channel and records SUCCEEDED: the fake Slack API holds exactly one message. The same holds for a process
 * killed while it delivers a poll's exports in parallel.
 */
class ConsumerKillTest extends VendorStackTest {

    private static final Path CONSUMER_JAR = Path.of(System.getProperty("yarnnn.export-consumer.jar"));

    @TempDir
    static Path logs;

    static Map<String, Object> consumerSettings;
    static Process consumer;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CONSUMER_JAR).as("export-consumer's executable jar: run the tests with ./mvnw verify").isRegularFile();
        Map<String, Object> properties = Map.of("yarnnn.delivery.lease", "3s",
                "yarnnn.delivery.retry-delays", "300ms,300ms,300ms");
        startStackWithFakes(properties);
        stack.stopConsumer();
        consumerSettings = new HashMap<>(Infrastructure.forTests().springProperties());
        consumerSettings.putAll(fakes.properties());
        consumerSettings.putAll(properties);
        consumerSettings.put("yarnnn.vault.keys", TestInfrastructureInitializer.TEST_VAULT_KEYS);
        consumerSettings.put("yarnnn.mcp.servers-dir", System.getProperty("yarnnn.mcp.servers-dir"));
        consumerSettings.put("yarnnn.providers.folder.root", exports.toString());
        consumerSettings.put("server.port", "0");
        // the broker notices the killed process's consumers after the session timeout: keep it short
        consumerSettings.put("spring.kafka.consumer.properties[session.timeout.ms]", "6000");
        consumerSettings.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", "1000");
    }

    @BeforeEach
    void noConsumerRunning() throws InterruptedException {
        if (consumer != null) {
            consumer.destroyForcibly().waitFor();
        }
    }

    @AfterAll
    static void stopAll() {
        if (consumer != null) {
            consumer.destroyForcibly();
        }
    }

    @Test
    void aConsumerKilledBetweenTheProviderCallAndTheLedgerDeliversNothingTwice() throws Exception {
        String channel = "C0KILLPROC";
        CountDownLatch release = fakes.slack.holdNextAnswer("chat.postMessage");
        consumer = startConsumer("first");

        UUID export = client.export("slack", channel, "Killed", "Body\n").exportId();
        await().atMost(Duration.ofSeconds(60)).until(() -> fakes.slack.messagesIn(channel) == 1);
        consumer.destroyForcibly().waitFor();
        release.countDown();
        consumer = startConsumer("second");

        await().atMost(Duration.ofSeconds(90)).until(() -> "SUCCEEDED".equals(status(export)));
        int claims = jdbc.sql("select claims from export_delivery where export_id = ?").param(export)
                .query(Integer.class).single();
        System.out.printf("consumer killed: sent=1 delivered=%d lost=0 duplicated=%d terminal=%s claims=%d%n",
                fakes.slack.messagesIn(channel), fakes.slack.messagesIn(channel) - 1, status(export), claims);
        assertThat(fakes.slack.messagesIn(channel)).isEqualTo(1);
        assertThat(claims).isEqualTo(2);
    }

    @Test
    void aConsumerKilledWhileDeliveringInParallelLosesNothingAndPostsNothingTwice() throws Exception {
        List<String> channels = IntStream.range(0, 40).mapToObj(i -> "C0PARKILL%02d".formatted(i)).toList();
        List<UUID> exports = channels.stream()
                .map(channel -> client.export("slack", channel, "Parallel " + channel, "Body\n").exportId())
                .toList();
        // the first post's answer is held: its lane cannot finish, so neither can the poll, whose offsets stay
        // uncommitted while the other lanes deliver
        CountDownLatch release = fakes.slack.holdNextAnswer("chat.postMessage");
        consumer = startConsumer("parallel-first");
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(channels) >= 10);
        consumer.destroyForcibly().waitFor();
        release.countDown();
        int deliveredBeforeKill = delivered(channels);
        consumer = startConsumer("parallel-second");

        await().atMost(Duration.ofSeconds(120)).until(() -> exports.stream().allMatch(e -> "SUCCEEDED".equals(status(e))));
        long duplicated = channels.stream().mapToInt(fakes.slack::messagesIn).filter(n -> n > 1).count();
        long lost = channels.stream().mapToInt(fakes.slack::messagesIn).filter(n -> n == 0).count();
        int takenOver = jdbc.sql("select count(*) from export_delivery where export_id in (:ids) and claims > 1")
                .param("ids", exports).query(Integer.class).single();
        System.out.printf("consumer killed mid-batch: sent=%d delivered before kill=%d lost=%d duplicated=%d "
                + "taken over=%d%n", channels.size(), deliveredBeforeKill, lost, duplicated, takenOver);
        assertThat(channels).allSatisfy(channel -> assertThat(fakes.slack.messagesIn(channel)).as(channel).isEqualTo(1));
        assertThat(takenOver).as("exports claimed by the killed process and again by the next").isPositive();
    }

    private static int delivered(List<String> channels) {
        return channels.stream().mapToInt(fakes.slack::messagesIn).sum();
    }

    private static Process startConsumer(String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                CONSUMER_JAR.toString()));
        consumerSettings.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("export-consumer-" + name + ".log").toFile()).start();
    }

    private static String status(UUID export) {
        return client.get("/api/exports/" + export).body().get("status").asString();
    }
}
