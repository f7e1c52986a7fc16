package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts (controlled shutdown, then start on the same data) while 1,000 exports stream in: every request
 * is accepted — while the broker is down, its request waits in api-edge's outbox — and every export is delivered
 * exactly once.
 */
class BrokerRestartTest extends LocalStackTest {

    private static final int EXPORTS = 1_000;

    @TempDir
    static Path brokerDirectory;

    static StandaloneBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = StandaloneBroker.start(brokerDirectory);
        startStack(Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        stack.close();
        broker.close();
    }

    @Test
    void nothingAcceptedIsLostOrDeliveredTwice() throws Exception {
        List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Integer> refused = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < EXPORTS; i++) {
            int n = i;
            sent.add(senders.submit(() -> {
                StackClient.Response response = client.export("stream", "Report " + n, "Body " + n + "\n");
                if (response.status() == 202) {
                    accepted.add(response.exportId());
                } else {
                    refused.add(response.status());
                }
            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= EXPORTS / 3);
        long stopped = System.nanoTime();
        broker.stop();
        broker.startAgain();
        long restartMillis = (System.nanoTime() - stopped) / 1_000_000;
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<?> request : sent) {
            request.get();
        }

        long recoveryStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).until(() -> succeeded(accepted) == accepted.size());
        long recoveryMillis = (System.nanoTime() - recoveryStart) / 1_000_000;
        int logRows = jdbc.sql("select count(*) from export_log where status = 'SUCCEEDED' and export_id in (:ids)")
                .param("ids", accepted).query(Integer.class).single();
        long files;
        try (Stream<Path> written = Files.list(exports.resolve("stream"))) {
            files = written.count();
        }
        System.out.printf("broker restart: sent=%d accepted=%d refused=%s succeeded=%d lost=%d duplicated=%d "
                        + "files=%d broker down+up=%d ms, all accepted done %d ms after the last request%n",
                EXPORTS, accepted.size(), refused, succeeded(accepted), accepted.size() - succeeded(accepted),
                logRows - accepted.size(), files, restartMillis, recoveryMillis);
        assertThat(refused).isEmpty();
        assertThat(accepted).hasSize(EXPORTS);
        assertThat(logRows).isEqualTo(accepted.size());
        assertThat(files).isEqualTo(accepted.size());
    }

    private static int succeeded(List<UUID> ids) {
        return jdbc.sql("select count(*) from export_status where status = 'SUCCEEDED' and export_id in (:ids)")
                .param("ids", List.copyOf(ids)).query(Integer.class).single();
    }
}
