package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.mcp.remote.RemoteServer;
import com.yarnnn.export.connector.mcp.remote.TokenSource;
import java.util.Map;
import java.util.UUID;

/**
 * One connection's view of its vendor's hosted server, handed to a {@link HostedToolMapping}: each call carries
 * the connection's token and goes through its client ({@link RemoteMcpSessions}), so the transport's failures
 * (401 and refresh, 429 with its wait, 5xx, a dropped session, a timeout) are handled before the mapping sees them.
 */
public final class HostedTools {

    private final RemoteMcpSessions sessions;
    private final RemoteServer server;
    private final UUID connectionId;
    private final TokenSource tokens;
    private final String providerId;

    HostedTools(RemoteMcpSessions sessions, RemoteServer server, UUID connectionId, TokenSource tokens,
            String providerId) {
        this.sessions = sessions;
        this.server = server;
        this.connectionId = connectionId;
        this.tokens = tokens;
        this.providerId = providerId;
    }

    /** Calls {@code tool}; a tool error comes back as an answer with {@link ToolAnswer#error()} set. */
    public ToolAnswer call(String tool, Map<String, Object> arguments) {
        return ToolAnswer.of(sessions.callTool(server, connectionId, tokens, tool, arguments));
    }

    /**
     * Calls {@code tool} and answers what it returned.
     *
     * @throws com.yarnnn.export.connector.failure.DeliveryException when the tool answered an error
     */
    public ToolAnswer require(String tool, Map<String, Object> arguments) {
        return call(tool, arguments).orThrow(providerId, tool);
    }
}
