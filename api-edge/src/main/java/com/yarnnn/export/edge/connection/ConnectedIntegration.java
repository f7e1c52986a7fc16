package com.yarnnn.export.edge.connection;

import com.yarnnn.export.connector.connection.Connection;
import java.time.Instant;
import java.util.UUID;

/** A connected account as the API shows it: never a token. */
public record ConnectedIntegration(UUID connectionId, String provider, String displayName, String accountName,
        String status, Instant connectedAt) {

    static ConnectedIntegration of(Connection connection, String displayName) {
        return new ConnectedIntegration(connection.id(), connection.providerId(), displayName,
                connection.accountName(), connection.status().dbValue(), connection.connectedAt());
    }
}
