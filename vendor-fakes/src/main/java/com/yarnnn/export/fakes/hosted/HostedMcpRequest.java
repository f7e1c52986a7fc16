package com.yarnnn.export.fakes.hosted;

import java.time.Instant;

/**
 * One HTTP request a hosted MCP double answered: its HTTP method; the JSON-RPC method and tool name of a POST (null
 * for GET, DELETE or a body that is no JSON-RPC message); the bearer token it carried (null without one); its
 * {@code Mcp-Session-Id} (null before a session exists); the HTTP status of the answer; and the fault injected into
 * it, if any ({@code HANG} included, whose request was then served).
 */
public record HostedMcpRequest(Instant at, String httpMethod, String rpcMethod, String tool, String token,
        String sessionId, int status, McpFaults.Kind fault) {
}
