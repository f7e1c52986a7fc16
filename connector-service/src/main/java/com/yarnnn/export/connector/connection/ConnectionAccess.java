package com.yarnnn.export.connector.connection;

import java.util.UUID;

/** How providers get a usable token for a connection at execution time (never from an event). */
public interface ConnectionAccess {

    /**
     * The connection with a valid access token, refreshed first when it expires soon.
     *
     * @throws ConnectionUnusableException when the connection is gone or must be authorised again
     * @throws com.yarnnn.export.connector.failure.DeliveryException when its token needed renewing and the vendor
     *         did not renew it ({@code token_refresh_failed}), or no OAuth app is configured to ({@code
     *         oauth_not_configured})
     */
    ActiveConnection open(UUID connectionId);
}
