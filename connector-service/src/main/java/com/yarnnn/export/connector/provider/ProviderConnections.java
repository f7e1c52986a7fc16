package com.yarnnn.export.connector.provider;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NOT_CONNECTED;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.remote.TokenSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a provider that delivers through a user's connected account reaches it: the request's connection, opened
 * through {@link ConnectionAccess} with a token valid now, and that account's own MCP server, in the connection's
 * session ({@link McpServerSpec#forConnection}). Disconnecting stops that session ({@link ConnectionSessions}).
 */
public final class ProviderConnections {

    private final String providerId;
    private final ConnectionAccess access;
    private final String connectFirst;

    /** @param connectFirst what a request that names no connection is told, e.g. "Connect a Slack workspace …" */
    public ProviderConnections(String providerId, ConnectionAccess access, String connectFirst) {
        this.providerId = providerId;
        this.access = access;
        this.connectFirst = connectFirst;
    }

    /**
     * The connection with a valid access token.
     *
     * @throws ConnectionUnusableException {@code not_connected} when the request names no connection, or as
     *         {@link ConnectionAccess#open} does
     */
    public ActiveConnection open(UUID connectionId) {
        if (connectionId == null) {
            throw new ConnectionUnusableException(NOT_CONNECTED, connectFirst);
        }
        return access.open(connectionId);
    }

    /**
     * The connection's token as a hosted MCP server gets it: the open connection's, and when the server refuses it,
     * a renewed one from {@link ConnectionAccess#refresh} (the same one back, or a refused refresh, ends in
     * {@code needs_reauth}).
     */
    public TokenSource tokens(ActiveConnection connection) {
        UUID connectionId = connection.connection().id();
        return new TokenSource() {
            @Override
            public Secret current() {
                return connection.accessToken();
            }

            @Override
            public Secret refreshed(Secret rejected) {
                return access.refresh(connectionId, rejected).accessToken();
            }
        };
    }

    /** The connected account's server: {@code command} and {@code args} started with {@code env} (its token). */
    public McpServerSpec server(ActiveConnection connection, String command, List<String> args,
            Map<String, String> env) {
        return McpServerSpec.forConnection(providerId, connection.connection().id(), command, args, env);
    }
}
