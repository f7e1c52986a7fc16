package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline as a newcomer runs it: api-edge and export-consumer on the real broker and database, the
 * real server-filesystem writing the file.
 */
class EndToEndTest extends LocalStackTest {

    @BeforeAll
    static void start() {
        startStack(Map.of());
    }

    @Test
    void postedMarkdownIsWrittenByTheFilesystemServerAndTheStatusEndsSucceeded() throws Exception {
        String content = "## Highlights\n\n- Revenue **up 12%**\n- `code` and [a link](https://example.com)\n";
        Instant before = Instant.now();

        StackClient.Response accepted = client.export("team/reports", "Weekly report", content);

        assertThat(accepted.status()).isEqualTo(202);
        UUID exportId = accepted.exportId();
        String statusUrl = accepted.body().get("status_url").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(client.get(statusUrl).body().get("status").asString()));

        JsonNode status = client.get(statusUrl).body();
        assertThat(status.get("attempt").asInt()).isEqualTo(1);
        Path file = Path.of(URI.create(status.get("external_url").asString()));
        assertThat(file.getParent()).isEqualTo(exports.resolve("team/reports"));
        assertThat(Instant.parse(requestedAt(file))).isBetween(before.minusMillis(1), Instant.now());
        assertThat(Files.readString(file)).isEqualTo("""
                ---
                title: "Weekly report"
                export_id: %s
                deliverable_version_id: %s
                requested_at: %s
                ---

                # Weekly report

                %s""".formatted(exportId, versionOf(exportId), requestedAt(file), content));
        assertThat(jdbc.sql("select count(*) from export_log where export_id = ?").param(exportId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSeedStyleExportThatWaitsIsAnsweredWithTheDesignsSuccessAndTheWrittenFile() throws Exception {
        String content = "## Standup\n\n- shipped the **export**\n";

        StackClient.Response answer = client.post("/api/integrations/export", Map.of("provider_id", "folder",
                "destination_id", "team/standup", "content", content), Map.of("Prefer", "wait=10"));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().get("success").asBoolean()).isTrue();
        Path file = Path.of(URI.create(answer.body().get("external_url").asString()));
        assertThat(file.getParent()).isEqualTo(exports.resolve("team/standup"));
        assertThat(Files.readString(file)).startsWith("---\ntitle: \"Standup\"\n")
                .doesNotContain("deliverable_version_id").endsWith("# Standup\n\n" + content);
        JsonNode status = client.get(answer.body().get("status_url").asString()).body();
        assertThat(status.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(status.get("title").asString()).isEqualTo("Standup");
        assertThat(status.get("deliverable_version_id").isNull()).isTrue();
    }

    private static String versionOf(UUID exportId) {
        return jdbc.sql("select deliverable_version_id::text from export_status where export_id = ?").param(exportId)
                .query(String.class).single();
    }

    /** The one value of the file the test cannot know in advance: when api-edge accepted the request. */
    private static String requestedAt(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("requested_at: ")).findFirst().orElseThrow()
                .substring("requested_at: ".length());
    }
}
