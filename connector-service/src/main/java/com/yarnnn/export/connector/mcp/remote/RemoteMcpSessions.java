package com.yarnnn.export.connector.mcp.remote;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/**
 * Calls tools on the vendors' hosted MCP servers over Streamable HTTP, for one connection at a time, with that
 * connection's OAuth token on every request. One MCP client per (server, connection), created on its first call and
 * closed (its session ended at the server) once unused for {@code idle-timeout} or when {@code max-clients} need the
 * room; all of them share one HTTP client. A call whose session the server dropped (404) is sent once more on the
 * session the SDK starts in its place; a 401 renews the token once. Failures: see {@code RemoteFailures}.
 */
public class RemoteMcpSessions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RemoteMcpSessions.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final RemoteMcpProperties properties;
    private final RemoteFailures failures;
    private final Cache<ClientKey, RemoteClient> clients;
    private volatile TracedHttpClient http;

    private record ClientKey(RemoteServer server, UUID connectionId) {
    }

    public RemoteMcpSessions(RemoteMcpProperties properties, Clock clock) {
        this.properties = properties;
        this.failures = new RemoteFailures(clock);
        this.clients = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(properties.idleTimeout())
                // idle clients close on time even when no call touches the cache
                .scheduler(Scheduler.systemScheduler())
                .removalListener(this::closed)
                .build();
    }

    /** The configured server of this name ({@code yarnnn.mcp.remote.servers.<name>}). */
    public RemoteServer server(String name) {
        return properties.server(name);
    }

    /**
     * Calls a tool for a connection. A result with {@code isError} is returned as is.
     *
     * @param tokens the connection's token, read once per call (a token refreshed since is used without a new
     *               client) and asked for a new one when the server answers 401
     * @throws com.yarnnn.export.connector.connection.ConnectionUnusableException {@code needs_reauth}: the server
     *         refused the renewed token too, or it could not be renewed
     * @throws com.yarnnn.export.connector.failure.DeliveryException {@code rate_limited} with the server's wait,
     *         {@code missing_scope}, {@code remote_mcp_rejected}, or the token source's own failure
     * @throws com.yarnnn.export.connector.failure.McpCallException {@code timeout}, {@code server_unavailable}
     * @throws io.modelcontextprotocol.spec.McpError the server's JSON-RPC error
     */
    public McpSchema.CallToolResult callTool(RemoteServer server, UUID connectionId, TokenSource tokens, String tool,
            Map<String, Object> arguments) {
        RemoteClient client = clients.get(new ClientKey(server, connectionId), key -> opened(key, tokens));
        client.tokens().use(tokens);
        CallTrace trace = new CallTrace();
        TracedHttpClient traced = http();
        traced.open(trace);
        try {
            try {
                return client.call(tool, arguments, trace);
            } catch (RuntimeException first) {
                if (!trace.sessionDropped()) {
                    throw first;
                }
                // the server did not run the call; the SDK is already starting the new session this one joins
                log.debug("The {} MCP server dropped the session of connection {}: calling '{}' on a new one",
                        server.name(), connectionId, tool);
                return client.call(tool, arguments, trace);
            }
        } catch (RuntimeException failure) {
            throw failures.of(server, tool, failure, trace);
        } finally {
            traced.close(trace);
        }
    }

    /** Closes the connection's client, if it has one (a disconnected account's session must not linger). */
    public void close(RemoteServer server, UUID connectionId) {
        clients.invalidate(new ClientKey(server, connectionId));
    }

    /** How many connection clients are open now. */
    public long openClients() {
        clients.cleanUp();
        return clients.estimatedSize();
    }

    /** Ends every session at its server (waiting up to {@link #SHUTDOWN_WAIT}), then stops the HTTP threads. */
    @Override
    public void destroy() {
        List<Mono<Void>> closing = clients.asMap().values().stream().map(RemoteClient::close).toList();
        clients.invalidateAll();
        try {
            Mono.when(closing).block(SHUTDOWN_WAIT);
        } catch (RuntimeException e) {
            log.warn("Not every remote MCP session ended within {}", SHUTDOWN_WAIT);
        } finally {
            if (http != null) {
                http.shutdown();
            }
        }
    }

    /** The shared client, made with the first call: a JDK client runs a selector thread from its start. */
    private TracedHttpClient http() {
        TracedHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = TracedHttpClient.create(properties.connectTimeout(), properties.httpThreads());
                }
                client = http;
            }
        }
        return client;
    }

    private RemoteClient opened(ClientKey key, TokenSource tokens) {
        log.debug("Opening a client of the {} MCP server for connection {}", key.server().name(), key.connectionId());
        return new RemoteClient(key.server(), tokens, http());
    }

    private void closed(ClientKey key, RemoteClient client, RemovalCause cause) {
        if (client != null) {
            log.debug("Closing the client of the {} MCP server for connection {} ({})", key.server().name(),
                    key.connectionId(), cause);
            client.close().subscribe();
        }
    }
}
