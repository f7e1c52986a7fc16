package com.yarnnn.export.connector.mcp.remote;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.testing.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The connection's tokens stay out of every log line (the SDK's and Reactor's included, down to TRACE), exception
 * message, stack trace and {@code toString()} through calls that succeed, renew the token, are refused, rate-limited,
 * fail on the server, lose their session or time out.
 */
class RemoteSecretsStayOutOfLogsTest {

    private static final String ACCESS = "xoxp-remote-access-0001";
    private static final String RENEWED = "xoxp-remote-renewed-0002";
    private static final String NEVER_ACCEPTED = "xoxp-remote-other-0003";
    private static final List<String> SECRETS = List.of(ACCESS, RENEWED, NEVER_ACCEPTED);
    private static final List<String> VERBOSE = List.of("com.yarnnn", "io.modelcontextprotocol", "reactor");

    private final BearerMcpServer server = BearerMcpServer.start(ACCESS);
    private final RemoteMcpSessions sessions = new RemoteMcpSessions(new RemoteMcpProperties(Map.of(
            "test", new RemoteMcpProperties.Server(server.url(), null),
            "hasty", new RemoteMcpProperties.Server(server.url(), Duration.ofSeconds(1))),
            null, null, null, null, null), Clock.systemUTC());
    private final RemoteServer remote = sessions.server("test");
    private LogCapture logs;

    @BeforeEach
    void captureEverything() {
        logs = LogCapture.withTrace(VERBOSE);
    }

    @AfterEach
    void stopCapturing() throws Exception {
        sessions.destroy();
        server.close();
        logs.close();
    }

    @Test
    void noTokenReachesALogLineAnExceptionOrAToString() {
        UUID connection = UUID.randomUUID();
        TestTokens tokens = TestTokens.renewingTo(ACCESS, RENEWED);
        List<Throwable> failures = new ArrayList<>();

        call(connection, tokens, "echo", Map.of("message", "hello"));
        server.accept(RENEWED);
        call(connection, tokens, "echo", Map.of("message", "after a 401"));
        server.failNextCall(429, Map.of("Retry-After", "1"));
        failures.add(catchThrowable(() -> call(connection, tokens, "echo", Map.of("message", "limited"))));
        server.failNextCall(503, Map.of());
        failures.add(catchThrowable(() -> call(connection, tokens, "echo", Map.of("message", "unavailable"))));
        server.failNextCall(403, Map.of());
        failures.add(catchThrowable(() -> call(connection, tokens, "echo", Map.of("message", "forbidden"))));
        server.dropSessions();
        call(connection, tokens, "echo", Map.of("message", "new session"));
        RemoteServer hasty = sessions.server("hasty");
        sessions.callTool(hasty, connection, tokens, "echo", Map.of("message", "handshake within 1 s"));
        failures.add(catchThrowable(() -> sessions.callTool(hasty, connection, tokens, "sleep", Map.of("millis", 1_500))));
        server.accept(NEVER_ACCEPTED);
        failures.add(catchThrowable(() -> call(UUID.randomUUID(), TestTokens.renewingTo(ACCESS, RENEWED), "echo",
                Map.of("message", "refused twice"))));
        failures.add(catchThrowable(() -> call(UUID.randomUUID(), TestTokens.refreshing(ACCESS, rejected -> {
            throw new ConnectionUnusableException(NEEDS_REAUTH, "refresh refused");
        }), "echo", Map.of("message", "refresh refused"))));

        assertThat(failures).doesNotContainNull().hasSize(6);
        failures.forEach(failure -> LoggerFactory.getLogger(getClass()).error("A caller logs the failure", failure));
        List<String> seen = new ArrayList<>(logs.lines());
        seen.addAll(List.of(remote.toString(), tokens.current().toString(), sessions.toString()));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("A caller logs the failure"));
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
        assertThat(server.authorizations()).as("the tokens did go out").contains("Bearer " + ACCESS, "Bearer " + RENEWED);
    }

    private void call(UUID connection, TokenSource tokens, String tool, Map<String, Object> arguments) {
        sessions.callTool(remote, connection, tokens, tool, arguments);
    }
}
