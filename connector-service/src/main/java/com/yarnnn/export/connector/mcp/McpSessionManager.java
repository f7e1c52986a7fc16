package com.yarnnn.export.connector.mcp;

import com.yarnnn.export.connector.failure.McpCallException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;

/**
 * Calls tools on MCP servers started on first use and kept in a bounded {@link McpSessionPool}, one session per
 * spec key (see {@code yarnnn.mcp.pool.*}). A session whose server died, or whose spec changed (a refreshed token),
 * is replaced on the next call. Starting one server never blocks calls to another. Operators' overrides apply to
 * every spec. All servers are stopped on shutdown.
 */
public class McpSessionManager implements DisposableBean {

    private final McpProperties properties;
    private final McpSessionPool pool;

    /** Without meters. */
    public McpSessionManager(McpProperties properties) {
        this(properties, new CompositeMeterRegistry());
    }

    public McpSessionManager(McpProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.pool = new McpSessionPool(properties, new McpPoolMetrics(meters));
    }

    /**
     * Calls a tool on the spec's server. A result with {@code isError} is returned as is; a call that got no
     * result (timeout, server death, server not starting, every pooled session busy for the request timeout) throws
     * {@link McpCallException}.
     */
    public McpSchema.CallToolResult callTool(McpServerSpec requested, String tool, Map<String, Object> arguments) {
        McpServerSpec spec = withOverrides(requested);
        try (McpSessionPool.Lease lease = pool.acquire(spec)) {
            try {
                return lease.session().callTool(tool, arguments);
            } catch (RuntimeException e) {
                if (hasCause(e, TimeoutException.class)) {
                    throw new McpCallException("timeout", "MCP server '" + spec.name() + "' did not answer '" + tool
                            + "' within " + properties.requestTimeout().toSeconds() + " s", e);
                }
                if (!lease.session().isAlive()) {
                    throw new McpCallException("server_exited", "MCP server '" + spec.name() + "' exited during '"
                            + tool + "'", e);
                }
                throw e;
            }
        }
    }

    /** The live session for the spec, started if there is none (the pool may stop it once it is idle). */
    public McpSession session(McpServerSpec requested) {
        try (McpSessionPool.Lease lease = pool.acquire(withOverrides(requested))) {
            return lease.session();
        }
    }

    /** Stops the session of this key, if there is one (a disconnected account's server must not linger). */
    public void close(String key) {
        pool.close(key);
    }

    public List<McpSession> liveSessions() {
        return pool.liveSessions();
    }

    @Override
    public void destroy() {
        pool.closeAll();
    }

    private McpServerSpec withOverrides(McpServerSpec requested) {
        return requested.overriddenBy(properties.servers().get(requested.name()));
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
