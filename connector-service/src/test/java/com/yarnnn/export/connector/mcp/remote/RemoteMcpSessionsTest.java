package com.yarnnn.export.connector.mcp.remote;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteMcpSessions} against {@link BearerMcpServer}, a Streamable HTTP MCP server on the MCP SDK's own server
 * transport that wants the connection's bearer token and fails as each test asks. Each test checks what the caller
 * gets and what reached the server: no call is sent more often than the one resend allowed.
 */
class RemoteMcpSessionsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final BearerMcpServer server = BearerMcpServer.start("t1");
    private final UUID connection = UUID.randomUUID();
    private RemoteMcpSessions sessions = sessions(100);

    @AfterEach
    void stop() throws Exception {
        sessions.destroy();
        server.close();
    }

    @Test
    void sendsTheConnectionsTokenOnEveryRequestAndKeepsTheSession() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");

        assertThat(echo(tokens, "one")).isEqualTo("Echo: one");
        assertThat(echo(tokens, "two")).isEqualTo("Echo: two");

        assertThat(server.authorizations()).isNotEmpty().containsOnly("Bearer t1");
        assertThat(server.requests("initialize")).isEqualTo(1);
        assertThat(server.requests("tools/call")).isEqualTo(2);
        assertThat(server.requests("GET")).as("no standalone SSE stream held open").isZero();
        assertThat(server.headerNames()).contains("authorization", "mcp-session-id")
                .doesNotContain(TracedHttpClient.TRACE_HEADER.toLowerCase(Locale.ROOT));
        assertThat(tokens.refreshes()).isZero();
    }

    @Test
    void aTokenTheCallerRefreshedIsUsedFromTheNextCallOnTheSameSession() {
        TestTokens tokens = TestTokens.renewingTo("t1", "unused");
        echo(tokens, "one");
        server.accept("t2");
        tokens.set("t2");

        assertThat(echo(tokens, "two")).isEqualTo("Echo: two");

        assertThat(server.requests("initialize")).isEqualTo(1);
        assertThat(server.requests("tools/call")).isEqualTo(2);
        assertThat(tokens.refreshes()).isZero();
    }

    @Test
    void a401RenewsTheTokenOnceAndSendsTheCallAgain() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        echo(tokens, "one");
        server.accept("t2");

        assertThat(echo(tokens, "two")).isEqualTo("Echo: two");

        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(server.requests("tools/call")).as("1 + the refused one + its resend").isEqualTo(3);
        assertThat(server.toolRuns()).isEqualTo(2);
        assertThat(server.authorizations()).endsWith("Bearer t1", "Bearer t2");
    }

    @Test
    void callsRefusedWithTheSameTokenShareOneRefresh() {
        TestTokens tokens = TestTokens.refreshing("t1", rejected -> {
            sleep(300);
            return Secret.of("t2");
        });
        echo(tokens, "warm");
        server.accept("t2");

        List<CompletableFuture<String>> calls = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> echo(tokens, "call " + i))).toList();

        assertThat(calls.stream().map(CompletableFuture::join)).hasSize(6).allMatch(text -> text.startsWith("Echo: call"));
        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(server.toolRuns()).isEqualTo(7);
    }

    @Test
    void aSecond401FailsWithNeedsReauth() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        server.accept("t3");

        ConnectionUnusableException failure = catchThrowableOfType(ConnectionUnusableException.class,
                () -> echo(tokens, "one"));

        assertThat(failure.code()).isEqualTo(NEEDS_REAUTH);
        assertThat(failure).hasMessageContaining("test MCP server").hasNoCause();
        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(server.requests("initialize")).as("refused, then refused with the renewed token").isEqualTo(2);
        assertThat(server.requests("tools/call")).isZero();
    }

    @Test
    void aRefreshTheVendorRefusesFailsWithTheSourcesOwnException() {
        ConnectionUnusableException refused = new ConnectionUnusableException(NEEDS_REAUTH, "refresh token revoked");
        TestTokens tokens = TestTokens.refreshing("t1", rejected -> {
            throw refused;
        });
        server.accept("t2");

        assertThat(catchThrowableOfType(ConnectionUnusableException.class, () -> echo(tokens, "one"))).isSameAs(refused);
        assertThat(tokens.refreshes()).isEqualTo(1);
        assertThat(server.requests("initialize")).isEqualTo(1);
    }

    @Test
    void a403IsAMissingPermissionNotARefresh() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        server.failNextCall(403, Map.of());

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> echo(tokens, "one"));

        assertThat(failure.code()).isEqualTo("missing_scope");
        assertThat(failure.retryable()).isFalse();
        assertThat(tokens.refreshes()).isZero();
        assertThat(server.requests("tools/call")).isEqualTo(1);
    }

    @Test
    void a429CarriesTheServersRetryAfterInSecondsForTheWholeConnection() {
        server.failNextCall(429, Map.of("Retry-After", "3"));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> echo(TestTokens.renewingTo("t1", "t2"), "one"));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.connectionLimited()).as("the server counts the token's calls, whatever the tool's target")
                .isTrue();
        assertThat(server.requests("tools/call")).isEqualTo(1);
        assertThat(server.toolRuns()).isZero();
    }

    @Test
    void a429RetryAfterDateIsTheWaitUntilThen() {
        String inSeventySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(70).atOffset(ZoneOffset.UTC));
        server.failNextCall(429, Map.of("Retry-After", inSeventySeconds));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> echo(TestTokens.renewingTo("t1", "t2"), "one"));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(70));
    }

    @Test
    void a503IsAPassingFailureOfTheServer() {
        server.failNextCall(503, Map.of());

        McpCallException failure = catchThrowableOfType(McpCallException.class,
                () -> echo(TestTokens.renewingTo("t1", "t2"), "one"));

        assertThat(failure.code()).isEqualTo("server_unavailable");
        assertThat(failure).hasMessageContaining("HTTP 503").hasMessageContaining("'echo'");
        assertThat(server.requests("tools/call")).isEqualTo(1);
        assertThat(echo(TestTokens.renewingTo("t1", "t2"), "again")).as("the session stays usable").isEqualTo("Echo: again");
    }

    @Test
    void aSessionTheServerDroppedIsStartedAgainAndTheCallSentOnceMore() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        echo(tokens, "one");
        server.dropSessions();

        assertThat(echo(tokens, "two")).isEqualTo("Echo: two");

        assertThat(server.requests("initialize")).isEqualTo(2);
        assertThat(server.requests("tools/call")).as("1 + the one answered 404 + its resend").isEqualTo(3);
        assertThat(server.toolRuns()).isEqualTo(2);
    }

    @Test
    void aCallWithoutAnswerTimesOutWithinTheRequestTimeout() {
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        echo(tokens, "warm");
        RemoteServer hasty = sessions.server("hasty");
        sessions.callTool(hasty, connection, tokens, "echo", Map.of("message", "handshake within 1 s"));
        long start = System.nanoTime();

        McpCallException failure = catchThrowableOfType(McpCallException.class,
                () -> sessions.callTool(hasty, connection, tokens, "sleep", Map.of("millis", 2_000)));

        assertThat(failure.code()).isEqualTo("timeout");
        assertThat(failure).hasMessage("The hasty MCP server did not answer 'sleep' within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
        assertThat(server.requests("tools/call")).isEqualTo(3);
    }

    @Test
    void aClientThatMakesRoomEndsItsSessionAtTheServer() {
        sessions.destroy();
        sessions = sessions(1);
        TestTokens tokens = TestTokens.renewingTo("t1", "t2");
        sessions.callTool(sessions.server("test"), UUID.randomUUID(), tokens, "echo", Map.of("message", "a"));

        sessions.callTool(sessions.server("test"), UUID.randomUUID(), tokens, "echo", Map.of("message", "b"));

        await().atMost(Duration.ofSeconds(5)).until(() -> server.requests("DELETE") == 1);
        assertThat(sessions.openClients()).isEqualTo(1);
    }

    private String echo(TestTokens tokens, String message) {
        McpSchema.CallToolResult result = sessions.callTool(sessions.server("test"), connection, tokens, "echo",
                Map.of("message", message));
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    /** {@code test}, and {@code hasty} with a request timeout of 1 s, at the same server. */
    private RemoteMcpSessions sessions(int maxClients) {
        RemoteMcpProperties properties = new RemoteMcpProperties(Map.of(
                "test", new RemoteMcpProperties.Server(server.url(), null),
                "hasty", new RemoteMcpProperties.Server(server.url(), Duration.ofSeconds(1))),
                Duration.ofSeconds(10), null, null, maxClients, 2);
        return new RemoteMcpSessions(properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
