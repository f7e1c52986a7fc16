package com.yarnnn.export.connector.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.failure.McpCallException;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the real npm {@code server-everything}, started as {@code node <entry>}. */
class McpSessionManagerTest {

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));
    private static final McpServerSpec EVERYTHING = new McpServerSpec("everything", "everything", "node",
            List.of("node_modules/@modelcontextprotocol/server-everything/dist/index.js", "stdio"),
            Map.of("EXPLICIT_VAR", "given"));

    private McpSessionManager manager = managerWithRequestTimeout(Duration.ofSeconds(60));

    @AfterEach
    void stopServers() {
        manager.destroy();
    }

    @Test
    void reusesTheLiveSessionForLaterCalls() {
        assertThat(text(manager.callTool(EVERYTHING, "echo", Map.of("message", "one")))).isEqualTo("Echo: one");
        long pid = manager.session(EVERYTHING).pid();

        assertThat(text(manager.callTool(EVERYTHING, "echo", Map.of("message", "two")))).isEqualTo("Echo: two");
        assertThat(manager.session(EVERYTHING).pid()).isEqualTo(pid);
        assertThat(manager.liveSessions()).hasSize(1);
    }

    @Test
    void closingAKeyStopsItsServerAndTheNextCallStartsAnother() {
        long pid = manager.session(EVERYTHING).pid();

        manager.close(EVERYTHING.key());

        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(manager.liveSessions()).isEmpty();
        assertThat(text(manager.callTool(EVERYTHING, "echo", Map.of("message", "again")))).isEqualTo("Echo: again");
        assertThat(manager.session(EVERYTHING).pid()).isNotEqualTo(pid);
    }

    @Test
    void theServerSeesOnlyTheBasicAndTheGivenEnvironment() {
        assertThat(System.getenv("YARNNN_TEST_SECRET")).as("set by the build for this test").isNotNull();

        String env = text(manager.callTool(EVERYTHING, "get-env", Map.of()));

        assertThat(env).contains("EXPLICIT_VAR").doesNotContain("YARNNN_TEST_SECRET").doesNotContain("must-not-leak");
    }

    @Test
    void aServerKilledMidCallFailsTheCallAtOnceAndIsReplaced() {
        long pid = manager.session(EVERYTHING).pid();
        CompletableFuture<McpSchema.CallToolResult> longCall = CompletableFuture.supplyAsync(() -> manager.callTool(
                EVERYTHING, "trigger-long-running-operation", Map.of("duration", 50, "steps", 5)));

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(longCall::isDone);
        assertThatThrownBy(longCall::join).hasCauseInstanceOf(McpCallException.class)
                .cause().hasFieldOrPropertyWithValue("code", "server_exited");
        assertThat(text(manager.callTool(EVERYTHING, "echo", Map.of("message", "again")))).isEqualTo("Echo: again");
        assertThat(manager.session(EVERYTHING).pid()).isNotEqualTo(pid);
    }

    @Test
    void aCallWithoutAnswerTimesOutAndTheSessionStaysUsable() {
        manager.destroy();
        // the SDK bounds the start's handshake by the request timeout too: 5 s leaves a loaded machine room to start
        manager = managerWithRequestTimeout(Duration.ofSeconds(5));

        assertThatThrownBy(() -> manager.callTool(EVERYTHING, "trigger-long-running-operation",
                Map.of("duration", 30, "steps", 1)))
                .isInstanceOf(McpCallException.class).hasFieldOrPropertyWithValue("code", "timeout");
        assertThat(text(manager.callTool(EVERYTHING, "echo", Map.of("message", "still")))).isEqualTo("Echo: still");
    }

    @Test
    void aServerThatExitsDuringStartUpFailsFastWithItsOutput() {
        McpServerSpec broken = new McpServerSpec("broken-folder", "broken-folder", "node",
                List.of("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js", "/nonexistent/dir"),
                Map.of());

        long started = System.nanoTime();
        assertThatThrownBy(() -> manager.session(broken))
                .isInstanceOf(McpCallException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("/nonexistent/dir");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aMissingServerIsReportedWithoutStartingAnything() {
        McpServerSpec missing = new McpServerSpec("missing", "missing", "node", List.of("node_modules/not-installed/index.js"),
                Map.of());

        assertThatThrownBy(() -> manager.session(missing))
                .isInstanceOf(McpCallException.class).hasMessageContaining("is not installed");
    }

    @Test
    void aChangedSpecForTheSameKeyReplacesTheSession() {
        ProcessHandle first = ProcessHandle.of(manager.session(EVERYTHING).pid()).orElseThrow();
        McpServerSpec refreshed = new McpServerSpec("everything", "everything", "node", EVERYTHING.args(),
                Map.of("EXPLICIT_VAR", "rotated"));

        assertThat(text(manager.callTool(refreshed, "get-env", Map.of()))).contains("rotated");

        await().atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
        assertThat(manager.liveSessions()).hasSize(1);
    }

    @Test
    void operatorOverridesReplaceArgsAndAddEnvironment() {
        manager.destroy();
        manager = new McpSessionManager(new McpProperties(SERVERS, null, null, null, Map.of("everything",
                new McpProperties.ServerOverride(null, List.of(EVERYTHING.args().get(0), "stdio"),
                        Map.of("PINNED_BY_OPERATOR", "yes")))));

        String env = text(manager.callTool(EVERYTHING, "get-env", Map.of()));

        assertThat(env).contains("PINNED_BY_OPERATOR").contains("EXPLICIT_VAR");
    }

    @Test
    void shutdownStopsEveryServer() {
        ProcessHandle server = ProcessHandle.of(manager.session(EVERYTHING).pid()).orElseThrow();

        manager.destroy();

        assertThat(server.isAlive()).isFalse();
        assertThat(manager.liveSessions()).isEmpty();
    }

    private static McpSessionManager managerWithRequestTimeout(Duration requestTimeout) {
        return new McpSessionManager(new McpProperties(SERVERS, requestTimeout, Duration.ofSeconds(20), null, Map.of()));
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining());
    }
}
