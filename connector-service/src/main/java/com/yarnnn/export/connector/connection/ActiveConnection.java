package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.credential.Secret;

/** A connection with an access token that is valid now (refreshed first where it was about to expire). */
public record ActiveConnection(Connection connection, Secret accessToken) {
}
