package com.yarnnn.export.connector.connection;

import java.util.UUID;

/** How providers get a usable token for a connection at execution time (never from an event). */
public interface ConnectionAccess {

    /**
     * The connection with a valid access token, refreshed first when it expires soon.
     *
     * @throws ConnectionUnusableException when the connection is gone or must be authorised again
     */
    ActiveConnection open(UUID connectionId);
}
