package com.yarnnn.export.connector.provider;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.mcp.remote.RemoteServer;

/**
 * The MCP sessions of connected accounts, seen from outside the providers: each connection's server runs in a
 * session of its own ({@link ProviderConnections}), or the connection has a client of its vendor's hosted server
 * ({@link RemoteMcpSessions}), and neither may linger with a token its vendor was just told to revoke.
 */
public class ConnectionSessions {

    private final McpSessionManager mcp;
    private final RemoteMcpSessions remote;

    public ConnectionSessions(McpSessionManager mcp, RemoteMcpSessions remote) {
        this.mcp = mcp;
        this.remote = remote;
    }

    /**
     * Stops the connection's server, if one runs (now if it is idle, else once its calls in flight end), and closes
     * its client of the provider's hosted server, if one is configured (ending its session there).
     */
    public void close(Connection connection) {
        mcp.close(McpServerSpec.connectionKey(connection.providerId(), connection.id()));
        RemoteServer server = hostedServer(connection.providerId());
        if (server != null) {
            remote.close(server, connection.id());
        }
    }

    private RemoteServer hostedServer(String providerId) {
        try {
            return remote.server(providerId);
        } catch (IllegalArgumentException notConfigured) {
            return null;
        }
    }
}
