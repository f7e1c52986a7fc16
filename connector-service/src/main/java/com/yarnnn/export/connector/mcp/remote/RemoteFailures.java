package com.yarnnn.export.connector.mcp.remote;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpTransportException;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What a failed remote tool call becomes, for the layers that classify failures (breakers, budgets, retries):
 * <ul>
 * <li>401 after the one refresh, or a token that cannot be renewed: {@link ConnectionUnusableException}
 * {@code needs_reauth}; 403: {@code missing_scope}, final.</li>
 * <li>429: {@code rate_limited}, retryable, with the server's {@code Retry-After} (seconds or a date).</li>
 * <li>5xx, an unreachable server: {@link McpCallException} {@code server_unavailable}; no answer in time:
 * {@code timeout}. Both pass, as the stdio sessions' do.</li>
 * <li>other 4xx: {@code remote_mcp_rejected}, final. A JSON-RPC error from the server: the SDK's {@link McpError},
 * as the stdio sessions throw it.</li>
 * </ul>
 * Messages name the server and the tool, never a token: the SDK's 401 exception, which holds the request's headers,
 * is not kept as a cause.
 */
final class RemoteFailures {

    /** Where a 429 says nothing of when to come back. */
    static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(2);

    private final Clock clock;

    RemoteFailures(Clock clock) {
        this.clock = clock;
    }

    static ConnectionUnusableException needsReauth(RemoteServer server) {
        return new ConnectionUnusableException(NEEDS_REAUTH, "The " + server.name()
                + " MCP server no longer accepts this connection's authorisation: reconnect the account");
    }

    RuntimeException of(RemoteServer server, String tool, RuntimeException failure, CallTrace trace) {
        // the token source's own verdict: a refresh the vendor refused, or could not make now
        Optional<ConnectionUnusableException> unusable = find(failure, ConnectionUnusableException.class);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        Optional<DeliveryException> refreshFailed = find(failure, DeliveryException.class);
        if (refreshFailed.isPresent()) {
            return refreshFailed.get();
        }
        Optional<McpHttpClientTransportAuthorizationException> refused =
                find(failure, McpHttpClientTransportAuthorizationException.class);
        if (refused.isPresent()) {
            return refused.get().getResponseInfo().statusCode() == 403 ? missingScope(server, tool)
                    : needsReauth(server);
        }
        String what = "The " + server.name() + " MCP server";
        if (has(failure, HttpConnectTimeoutException.class)) {
            return new McpCallException("server_unavailable", what + " could not be reached", failure);
        }
        if (has(failure, TimeoutException.class) || has(failure, HttpTimeoutException.class)) {
            return new McpCallException("timeout", what + " did not answer '" + tool + "' within "
                    + server.requestTimeout().toSeconds() + " s", failure);
        }
        Optional<McpError> rpcError = find(failure, McpError.class);
        if (rpcError.isPresent()) {
            return rpcError.get();
        }
        Optional<CallTrace.Rejection> rejection = trace.lastRejection();
        if (rejection.isPresent() && has(failure, McpTransportException.class)) {
            return byStatus(server, tool, rejection.get(), failure);
        }
        if (has(failure, IOException.class)) {
            return new McpCallException("server_unavailable", what + " could not be reached", failure);
        }
        return new McpCallException("server_unavailable", what + " failed on '" + tool + "'", failure);
    }

    private RuntimeException byStatus(RemoteServer server, String tool, CallTrace.Rejection rejection,
            RuntimeException failure) {
        String what = "The " + server.name() + " MCP server";
        int status = rejection.status();
        if (status == 429) {
            Duration wait = rejection.retryAfter().flatMap(value -> RetryAfter.parse(value, clock))
                    .orElse(DEFAULT_RATE_LIMIT_PAUSE);
            return DeliveryException.connectionRateLimited("rate_limited", what
                    + " is rate-limiting this connection; retrying after " + wait.toSeconds() + " s", wait, failure);
        }
        if (status >= 500) {
            return new McpCallException("server_unavailable", what + " answered HTTP " + status + " to '" + tool + "'",
                    failure);
        }
        return new DeliveryException("remote_mcp_rejected", what + " refused '" + tool + "' (HTTP " + status + ")",
                false, failure);
    }

    private static DeliveryException missingScope(RemoteServer server, String tool) {
        return new DeliveryException("missing_scope", "The " + server.name() + " MCP server refused '" + tool
                + "' with this connection's permissions (HTTP 403): reconnect the account and grant them", false, null);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type).isPresent();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
