package com.yarnnn.export.connector.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;

/**
 * Starts MCP servers on first use and keeps their sessions for reuse, one per spec key. A session whose server
 * died, or whose spec changed (a refreshed token), is replaced on the next call. Starting one server never
 * blocks calls to another. Operators' overrides apply to every spec. All servers are stopped on shutdown.
 */
public class McpSessionManager implements DisposableBean {

    private final McpProperties properties;
    private final Map<String, CompletableFuture<McpSession>> sessions = new ConcurrentHashMap<>();

    public McpSessionManager(McpProperties properties) {
        this.properties = properties;
    }

    /**
     * Calls a tool on the spec's server. A result with {@code isError} is returned as is; a call that got no
     * result (timeout, server death, server not starting) throws {@link McpCallException}.
     */
    public McpSchema.CallToolResult callTool(McpServerSpec spec, String tool, Map<String, Object> arguments) {
        McpSession session = session(spec);
        spec = session.spec();
        try {
            return session.callTool(tool, arguments);
        } catch (RuntimeException e) {
            if (hasCause(e, TimeoutException.class)) {
                throw new McpCallException("timeout", "MCP server '" + spec.name() + "' did not answer '" + tool
                        + "' within " + properties.requestTimeout().toSeconds() + " s", e);
            }
            if (!session.isAlive()) {
                discard(spec, session);
                throw new McpCallException("server_exited", "MCP server '" + spec.name() + "' exited during '"
                        + tool + "'", e);
            }
            throw e;
        }
    }

    /** The live session for the spec, started if there is none. */
    public McpSession session(McpServerSpec requested) {
        McpServerSpec spec = requested.overriddenBy(properties.servers().get(requested.name()));
        while (true) {
            CompletableFuture<McpSession> mine = new CompletableFuture<>();
            CompletableFuture<McpSession> existing = sessions.putIfAbsent(spec.key(), mine);
            if (existing == null) {
                return startInto(spec, mine);
            }
            McpSession session = await(existing);
            if (session.isAlive() && session.spec().equals(spec)) {
                return session;
            }
            if (sessions.remove(spec.key(), existing)) {
                session.close();
            }
        }
    }

    /** Stops the session of this key, if there is one (a disconnected account's server must not linger). */
    public void close(String key) {
        CompletableFuture<McpSession> session = sessions.remove(key);
        if (session != null) {
            session.thenAccept(McpSession::close);
        }
    }

    public List<McpSession> liveSessions() {
        return sessions.values().stream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .filter(McpSession::isAlive)
                .toList();
    }

    @Override
    public void destroy() {
        List<CompletableFuture<McpSession>> all = List.copyOf(sessions.values());
        sessions.clear();
        all.parallelStream()
                .filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .map(CompletableFuture::join)
                .forEach(McpSession::close);
    }

    private McpSession startInto(McpServerSpec spec, CompletableFuture<McpSession> slot) {
        try {
            McpSession session = McpSession.start(spec, properties);
            slot.complete(session);
            return session;
        } catch (RuntimeException e) {
            sessions.remove(spec.key(), slot);
            slot.completeExceptionally(e);
            throw e;
        }
    }

    private void discard(McpServerSpec spec, McpSession session) {
        sessions.computeIfPresent(spec.key(), (key, future) ->
                future.isDone() && !future.isCompletedExceptionally() && future.join() == session ? null : future);
        session.close();
    }

    private static McpSession await(CompletableFuture<McpSession> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
