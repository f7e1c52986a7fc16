package com.yarnnn.export.fakes.hosted;

import java.util.List;
import java.util.Map;

/**
 * What every hosted MCP double offers besides its vendor's state: its endpoint, the HTTP-level faults, the log of the
 * requests it answered and the counts of tool calls that reached a tool. Closing it stops the server.
 */
public abstract class HostedMcpDouble implements AutoCloseable {

    HostedMcpDouble() {
    }

    abstract HostedMcpServer<?> server();

    /** The MCP endpoint, {@code http://127.0.0.1:<port>/mcp}. */
    public String url() {
        return server().url();
    }

    /** HTTP-level fault injection, latency and dropped sessions. */
    public McpFaults faults() {
        return server().faults();
    }

    /**
     * Every HTTP request answered so far, in order. A request the MCP layer answers is logged once its servlet call
     * returns, which for a streamed answer may be just after the client has it: await an entry, do not expect it.
     */
    public List<HostedMcpRequest> requests() {
        return server().requests();
    }

    /**
     * How many calls of {@code tool} reached it, whatever it answered: a retried write counts twice, a request
     * answered with an injected HTTP fault not at all.
     */
    public int callCount(String tool) {
        return server().callCount(tool);
    }

    /** {@link #callCount} of every tool called so far, by name. */
    public Map<String, Integer> callCounts() {
        return server().callCounts();
    }

    /** How many MCP sessions were initialized. */
    public int sessionsStarted() {
        return server().sessionsStarted();
    }

    @Override
    public void close() {
        server().close();
    }
}
