package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** export-consumer stopped mid-stream and started again: nothing accepted is lost or delivered twice. */
class ConsumerRestartTest extends LocalStackTest {

    @BeforeAll
    static void start() {
        startStack(Map.of());
    }


    @Test
    void everyAcceptedExportSucceedsExactlyOnce() throws Exception {
        List<UUID> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(accept(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(accepted, "SUCCEEDED") >= 3);

        stack.stopConsumer();
        List<UUID> whileStopped = new ArrayList<>();
        for (int i = 20; i < 30; i++) {
            whileStopped.add(accept(i));
        }
        assertThat(count(whileStopped, "QUEUED")).isEqualTo(whileStopped.size());
        accepted.addAll(whileStopped);
        stack.startConsumer();

        await().atMost(Duration.ofSeconds(60)).until(() -> count(accepted, "SUCCEEDED") == accepted.size());
        int logRows = jdbc.sql("select count(*) from export_log where export_id in (:ids)").param("ids", accepted)
                .query(Integer.class).single();
        int exportsLogged = jdbc.sql("select count(distinct export_id) from export_log where export_id in (:ids) and status = 'SUCCEEDED'")
                .param("ids", accepted).query(Integer.class).single();
        long files;
        try (Stream<Path> written = Files.list(exports.resolve("restart"))) {
            files = written.count();
        }
        System.out.printf("consumer restart: accepted=%d succeeded=%d lost=%d duplicated log rows=%d files=%d%n",
                accepted.size(), count(accepted, "SUCCEEDED"), accepted.size() - exportsLogged,
                logRows - accepted.size(), files);
        assertThat(exportsLogged).isEqualTo(accepted.size());
        assertThat(logRows).isEqualTo(accepted.size());
        assertThat(files).isEqualTo(accepted.size());
    }

    private static UUID accept(int i) {
        StackClient.Response response = client.export("restart", "Report " + i, "Body of report " + i + "\n");
        assertThat(response.status()).isEqualTo(202);
        return response.exportId();
    }

    private static int count(List<UUID> ids, String status) {
        return jdbc.sql("select count(*) from export_status where export_id in (:ids) and status = :status")
                .param("ids", ids).param("status", status).query(Integer.class).single();
    }
}
