package com.yarnnn.export.edge.connection;

import com.yarnnn.export.connector.connection.Connection;
import java.time.Instant;
import java.util.UUID;

/**
 * A connected account as the API shows it, never a token: the design's {@code provider, connected_at, metadata}, and
 * this API's fields beside them.
 */
public record ConnectedIntegration(UUID connectionId, String provider, String displayName, String accountName,
        String status, Instant connectedAt, Metadata metadata) {

    /** What the design keeps about an account beyond its provider: here, how it is named and whether it works. */
    public record Metadata(String accountName, String status) {
    }

    static ConnectedIntegration of(Connection connection, String displayName) {
        String status = connection.status().dbValue();
        return new ConnectedIntegration(connection.id(), connection.providerId(), displayName,
                connection.accountName(), status, connection.connectedAt(),
                new Metadata(connection.accountName(), status));
    }
}
