package com.yarnnn.export.connector.mcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The pool's meters, tagged {@code server} = the spec's name (the provider), never its key (a connection id). */
final class McpPoolMetrics {

    /** Why a session was stopped without being asked to. */
    enum EvictionReason {
        LRU, IDLE, EXITED, REPLACED
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> live = new ConcurrentHashMap<>();

    McpPoolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void acquired(String server, boolean hit) {
        Counter.builder("yarnnn.mcp.session.acquisitions")
                .description("Calls that found their server running (hit) or had to start or wait for it (miss)")
                .tags("server", server, "result", hit ? "hit" : "miss")
                .register(registry).increment();
    }

    void starting(String server) {
        Counter.builder("yarnnn.mcp.session.starts").description("MCP server processes started")
                .tag("server", server).register(registry).increment();
    }

    void started(String server, long nanos) {
        Timer.builder("yarnnn.mcp.session.start").description("Server start and MCP handshake")
                .tag("server", server).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        live(server).incrementAndGet();
    }

    void stopped(String server) {
        live(server).decrementAndGet();
    }

    void evicted(String server, EvictionReason reason) {
        Counter.builder("yarnnn.mcp.session.evictions").description("Sessions stopped by the pool")
                .tags("server", server, "reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
    }

    private AtomicInteger live(String server) {
        return live.computeIfAbsent(server, name ->
                registry.gauge("yarnnn.mcp.sessions.live", Tags.of("server", name), new AtomicInteger()));
    }
}
