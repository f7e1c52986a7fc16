package com.yarnnn.export.connector.provider;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;

/**
 * The MCP sessions of connected accounts, seen from outside the providers: each connection's server runs in a
 * session of its own ({@link ProviderConnections}), and a disconnected account's server must not linger with a
 * token its vendor was just told to revoke.
 */
public class ConnectionSessions {

    private final McpSessionManager mcp;

    public ConnectionSessions(McpSessionManager mcp) {
        this.mcp = mcp;
    }

    /** Stops the connection's server, if one runs (now if it is idle, else once its calls in flight end). */
    public void close(Connection connection) {
        mcp.close(McpServerSpec.connectionKey(connection.providerId(), connection.id()));
    }
}
