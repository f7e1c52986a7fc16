package com.yarnnn.export.localstack;

import static com.yarnnn.export.edge.McpTestClients.call;
import static com.yarnnn.export.edge.McpTestClients.folderExport;
import static com.yarnnn.export.edge.McpTestClients.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.edge.McpTestClients;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.SubscribeRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An assistant on the whole pipeline, through {@code /mcp}: with the MCP Java SDK's client, an export it waits for,
 * told by progress notifications, ends SUCCEEDED with the file written, and one that fails is retried by the tool
 * while its resource's subscriber hears each move; and clients nobody here wrote, the official MCP Inspector CLI and
 * a script on the official TypeScript SDK, export and read back.
 */
class McpLocalStackTest extends LocalStackTest {

    private static int port;
    private static String token;

    @BeforeAll
    static void start() {
        startStack(Map.of());
        port = URI.create(stack.baseUrl()).getPort();
        token = DevTokens.mintFor(SECRET, user, Duration.ofMinutes(30), McpTestClients.resource(port));
    }

    @Test
    void anExportTheAssistantWaitsForReportsEachStateAndEndsWithTheFileWritten() throws Exception {
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        Map<String, Object> arguments = folderExport();
        arguments.put("destination_id", "assistant/waited");
        arguments.put("wait_seconds", 30);

        Map<String, Object> ended;
        try (McpSyncClient client = McpTestClients.connect(port, token, spec -> spec.progressConsumer(progress::add))) {
            ended = structured(client.callTool(CallToolRequest.builder().name("export_deliverable")
                    .arguments(arguments).progressToken("wait-1").build()));
        }

        assertThat(ended.get("status")).isEqualTo("SUCCEEDED");
        Path file = Path.of(URI.create((String) ended.get("external_url")));
        assertThat(Files.readString(file)).contains("All **green**.");
        // the Java client hands notifications over on several threads: their progress values give the order
        await().atMost(Duration.ofSeconds(10)).until(() -> inOrder(progress).contains("SUCCEEDED"));
        assertThat(inOrder(progress)).first().isEqualTo("QUEUED");
        assertThat(inOrder(progress)).last().isEqualTo("SUCCEEDED");
        assertThat(progress).extracting(ProgressNotification::progressToken).containsOnly("wait-1");
        assertThat(progress).extracting(ProgressNotification::progress).doesNotHaveDuplicates();
    }

    @Test
    void aFailedExportIsRetriedByTheToolAndItsSubscriberHearsEachMove() throws Exception {
        // a file where the export's folder should be: the filesystem server refuses to create the folder
        Path blocker = Files.writeString(exports.resolve("blocked"), "not a folder");
        Map<String, Object> arguments = folderExport();
        arguments.put("destination_id", "blocked/reports");
        List<String> updates = new CopyOnWriteArrayList<>();

        try (McpSyncClient client = McpTestClients.connect(port, token,
                spec -> spec.resourcesUpdateConsumer(contents -> contents.stream()
                        .map(McpLocalStackTest::text).forEach(updates::add)))) {
            String exportId = (String) structured(call(client, "export_deliverable", arguments)).get("export_id");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    "FAILED".equals(structured(call(client, "get_export", Map.of("export_id", exportId))).get("status")));
            client.subscribeResource(new SubscribeRequest("yarnnn://exports/" + exportId));
            Files.delete(blocker);

            Map<String, Object> retried = structured(call(client, "retry_export", Map.of("export_id", exportId)));

            assertThat(retried.get("attempt")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    updates.stream().anyMatch(update -> update.contains("\"status\":\"SUCCEEDED\"")));
            Map<String, Object> done = structured(call(client, "get_export", Map.of("export_id", exportId)));
            assertThat(done.get("status")).isEqualTo("SUCCEEDED");
            assertThat(Path.of(URI.create((String) done.get("external_url")))).exists();
            assertThat(call(client, "retry_export", Map.of("export_id", exportId)).isError())
                    .as("a SUCCEEDED export is never sent again").isTrue();
        }
    }

    @Test
    void theMcpInspectorExportsADeliverableAndReadsItBackAsSucceeded() {
        URI mcp = URI.create(McpTestClients.resource(port));
        String version = UUID.randomUUID().toString();

        JsonNode tools = ThirdPartyMcpClients.inspectorListTools(mcp, token);
        JsonNode accepted = ThirdPartyMcpClients.inspectorCallTool(mcp, token, "export_deliverable", Map.of(
                "provider", "folder", "destination_id", "assistant/inspector", "title", "From the Inspector",
                "content", "# From the Inspector\n\nWritten by a client nobody here wrote.",
                "deliverable_version_id", version, "idempotency_key", "inspector-" + version));
        String exportId = accepted.path("structuredContent").path("export_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(client.get("/api/exports/" + exportId)
                .body().path("status").asString()));
        JsonNode export = ThirdPartyMcpClients.inspectorCallTool(mcp, token, "get_export",
                Map.of("export_id", exportId));

        assertThat(tools.path("tools").valueStream().map(tool -> tool.path("name").asString()))
                .contains("export_deliverable", "get_export", "list_exports", "retry_export");
        assertThat(accepted.path("isError").asBoolean()).as(accepted.toString()).isFalse();
        assertThat(export.path("structuredContent").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(Path.of(URI.create(export.path("structuredContent").path("external_url").asString())))
                .content().contains("Written by a client nobody here wrote.");
    }

    @Test
    void theTypeScriptSdkClientFollowsAWaitedExportByItsProgressNotifications() {
        Map<String, Object> arguments = folderExport();
        arguments.put("destination_id", "assistant/typescript");
        arguments.put("wait_seconds", 30);

        JsonNode run = ThirdPartyMcpClients.exportWithProgress(URI.create(McpTestClients.resource(port)), token,
                arguments);

        assertThat(run.path("result").path("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("progress").valueStream().map(JsonNode::asString).toList()).last().isEqualTo("SUCCEEDED");
        assertThat(run.path("export").path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private static List<String> inOrder(List<ProgressNotification> progress) {
        return progress.stream().sorted(Comparator.comparing(ProgressNotification::progress))
                .map(ProgressNotification::message).toList();
    }

    private static String text(ResourceContents contents) {
        return ((TextResourceContents) contents).text();
    }
}
