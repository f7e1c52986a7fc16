package com.yarnnn.export.connector.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RemoteMcpSessions} against a Streamable HTTP MCP server nobody here wrote: the npm {@code server-everything}
 * (TypeScript SDK), which ignores the token (the token on the wire is checked against {@link BearerMcpServer}).
 */
class RemoteMcpSessionsEverythingTest {

    @TempDir
    static Path logs;

    private static ServerEverything everything;

    private final RemoteMcpSessions sessions = new RemoteMcpSessions(new RemoteMcpProperties(
            Map.of("everything", new RemoteMcpProperties.Server(everything.url(), Duration.ofSeconds(15))),
            null, null, null, null, null), Clock.systemUTC());
    private final RemoteServer server = sessions.server("everything");
    private final TestTokens tokens = TestTokens.renewingTo("token-1", "token-2");

    @BeforeAll
    static void startServerEverything() {
        everything = ServerEverything.start(logs);
    }

    @AfterAll
    static void stopServerEverything() {
        everything.close();
    }

    @AfterEach
    void closeSessions() {
        sessions.destroy();
    }

    @Test
    void callsAToolForEachConnectionOnItsOwnSession() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(echo(first, "one")).isEqualTo("Echo: one");
        assertThat(echo(second, "two")).isEqualTo("Echo: two");
        assertThat(echo(first, "three")).isEqualTo("Echo: three");

        assertThat(sessions.openClients()).isEqualTo(2);
        McpSchema.CallToolResult sum = sessions.callTool(server, first, tokens, "get-sum", Map.of("a", 2, "b", 3));
        assertThat(text(sum)).contains("5");
    }

    @Test
    void aToolErrorIsAResultNotAFailure() {
        McpSchema.CallToolResult result = sessions.callTool(server, UUID.randomUUID(), tokens, "echo", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("message");
    }

    @Test
    void aServerThatRestartedAndLostTheSessionGetsANewOneAndTheCall() {
        UUID connection = UUID.randomUUID();
        assertThat(echo(connection, "before")).isEqualTo("Echo: before");

        everything.restart();

        assertThat(echo(connection, "after")).isEqualTo("Echo: after");
        assertThat(sessions.openClients()).isEqualTo(1);
    }

    private String echo(UUID connection, String message) {
        return text(sessions.callTool(server, connection, tokens, "echo", Map.of("message", message)));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
