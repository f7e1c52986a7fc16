package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@link ThirdPartyMcpClients} against the npm {@code server-everything} in its Streamable HTTP mode, which ignores
 * the bearer token: the clients start, connect, and their output is read as it should be.
 */
class ThirdPartyMcpClientsTest {

    private static final String TOKEN = "header.payload.signature";

    @TempDir
    static Path logs;

    private static Process everything;
    private static URI mcp;

    @BeforeAll
    static void startServerEverything() throws IOException {
        int port = DeployableProcess.freePort();
        ProcessBuilder builder = new ProcessBuilder("node",
                "node_modules/@modelcontextprotocol/server-everything/dist/index.js", "streamableHttp")
                .directory(ThirdPartyMcpClients.serversDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(logs.resolve("everything.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        everything = builder.start();
        mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
        await("server-everything listening on :" + port).atMost(Duration.ofSeconds(30))
                .failFast("server-everything exited", () -> !everything.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    @AfterAll
    static void stopServerEverything() throws InterruptedException {
        everything.destroy();
        if (!everything.waitFor(10, TimeUnit.SECONDS)) {
            everything.destroyForcibly().waitFor();
        }
    }

    @Test
    void theInspectorListsTheTools() {
        JsonNode tools = ThirdPartyMcpClients.inspectorListTools(mcp, TOKEN).required("tools");

        assertThat(tools.valueStream().map(tool -> tool.path("name").asString())).contains("echo");
    }

    @Test
    void theInspectorCallsAToolWithArguments() {
        JsonNode result = ThirdPartyMcpClients.inspectorCallTool(mcp, TOKEN, "echo",
                Map.of("message", "a b = c"));

        assertThat(result.path("isError").asBoolean()).isFalse();
        assertThat(result.path("content").path(0).path("text").asString()).isEqualTo("Echo: a b = c");
    }

    @Test
    void theInspectorHandsBackAToolError() {
        JsonNode result = ThirdPartyMcpClients.inspectorCallTool(mcp, TOKEN, "echo", Map.of());

        assertThat(result.path("isError").asBoolean()).isTrue();
        assertThat(result.path("content").path(0).path("text").asString()).contains("message");
    }

    @Test
    void theSdkScriptConnectsAndFailsWithItsMessageWhereThereIsNoExportTool() {
        assertThatThrownBy(() -> ThirdPartyMcpClients.exportWithProgress(mcp, TOKEN,
                Map.of("provider", "slack", "destination_id", "C1", "content", "hi", "wait_seconds", 1)))
                .hasMessageContaining("Exit 1")
                .hasMessageContaining("export-with-progress: export_deliverable returned isError")
                .hasMessageNotContaining(TOKEN);
    }
}
