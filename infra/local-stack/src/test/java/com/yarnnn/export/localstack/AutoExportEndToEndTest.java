package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.edge.SseClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Approval to delivery through the whole pipeline: the approval event (published by the dev endpoint, as the
 * product would) becomes one export per auto-export preference, each delivered once by the real folder server,
 * however often the approval arrives; and a client's status stream shows every state of an export, in order.
 */
class AutoExportEndToEndTest extends VendorStackTest {

    private static final Duration WAIT = Duration.ofSeconds(60);


    @BeforeAll
    static void start() throws Exception {
        startStackWithFakes(Map.of("yarnnn.dev.enabled", "true"));
    }


    @Test
    void anApprovalDeliversToEachAutoExportDestinationExactlyOnce() throws IOException {
        UUID deliverable = UUID.randomUUID();
        prefer(deliverable, "auto/team", true);
        prefer(deliverable, "auto/archive", true);
        prefer(deliverable, "auto/drafts", false);

        JsonNode delivered = approveAndAwait(deliverable, UUID.randomUUID(), 2);

        assertThat(delivered.valueStream().map(e -> e.get("status").asString())).containsOnly("SUCCEEDED");
        assertThat(delivered.valueStream().map(e -> e.get("attempts").size())).containsOnly(1);
        assertThat(files("auto/team")).hasSize(1);
        assertThat(files("auto/archive")).hasSize(1);
        assertThat(Files.exists(exports.resolve("auto/drafts"))).isFalse();
    }

    @Test
    void theSameApprovalThreeTimesStillDeliversOncePerDestination() throws IOException {
        UUID deliverable = UUID.randomUUID();
        prefer(deliverable, "again/team", true);
        prefer(deliverable, "again/archive", true);
        UUID version = UUID.randomUUID();

        approve(deliverable, version);
        approve(deliverable, version);
        JsonNode exports = approveAndAwait(deliverable, version, 2);
        // a later version on the same partition proves the copies were all handled before it
        approveAndAwait(deliverable, UUID.randomUUID(), 2);

        assertThat(client.get("/api/deliverables/" + deliverable + "/exports?version_id=" + version).body()
                .get("exports")).hasSize(2);
        assertThat(exports.valueStream().map(e -> e.get("attempts").size())).containsOnly(1);
        assertThat(files("again/team")).hasSize(2);
        assertThat(files("again/archive")).hasSize(2);
        Long claims = jdbc.sql("select sum(claims) from export_delivery where export_id in (:ids)")
                .param("ids", exports.valueStream().map(e -> UUID.fromString(e.get("export_id").asString())).toList())
                .query(Long.class).single();
        assertThat(claims).as("each export was claimed for delivery once").isEqualTo(2);
    }

    @Test
    void theStatusStreamShowsQueuedRunningSucceededAndEnds() throws Exception {
        // a first export held at Slack keeps the second, on the same connection and partition, QUEUED behind it
        CountDownLatch release = fakes.slack.holdNextAnswer("chat.postMessage");
        StackClient.Response first = client.export("slack", "C0E2ESTREAM", "First", "Held at Slack");
        await().atMost(WAIT).until(() -> "RUNNING".equals(client.get("/api/exports/" + first.exportId()).body()
                .get("status").asString()));
        StackClient.Response second = client.export("slack", "C0E2ESTREAM", "Second", "Waits its turn");

        try (SseClient stream = new SseClient(stack.baseUrl() + "/api/exports/" + second.exportId() + "/events",
                client.token())) {
            assertThat(stream.next(WAIT).data().get("status").asString()).isEqualTo("QUEUED");
            release.countDown();
            assertThat(stream.next(WAIT).data().get("status").asString()).isEqualTo("RUNNING");
            SseClient.Event done = stream.next(WAIT);
            assertThat(done.data().get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.data().get("external_url").asString()).startsWith("https://acme.slack.com/archives/C0E2ESTREAM/");
            assertThat(stream.endsWithin(WAIT)).isTrue();
            assertThat(stream.remaining()).isEmpty();
        }
    }

    private static void prefer(UUID deliverable, String folder, boolean auto) {
        StackClient.Response saved = client.post("/api/deliverables/" + deliverable + "/export-preferences",
                Map.of("provider_id", "folder", "destination_id", folder, "auto_export", auto));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private static void approve(UUID deliverable, UUID version) {
        StackClient.Response approved = client.post("/api/dev/approvals", Map.of("deliverable_id", deliverable,
                "version_id", version, "title", "Board update", "content", "## Approved\n\nShip the **Q4 plan**.\n"));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(202);
    }

    private static JsonNode approveAndAwait(UUID deliverable, UUID version, int count) {
        approve(deliverable, version);
        String path = "/api/deliverables/" + deliverable + "/exports?version_id=" + version;
        return await().atMost(WAIT).until(() -> client.get(path).body().get("exports"), exports -> exports.size() == count
                && exports.valueStream().allMatch(e -> e.get("status").asString().equals("SUCCEEDED")));
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> listed = Files.list(exports.resolve(folder))) {
            return listed.toList();
        }
    }
}
