package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.credential.Secret;
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

    /**
     * The connection with a token other than {@code rejected}, which the vendor refused (HTTP 401 from a hosted MCP
     * server): the stored one if another caller renewed it meanwhile, else a refreshed one where the connection has
     * a refresh token. Without one, the same token comes back: the caller treats that as {@code needs_reauth}.
     * By default the connection as {@link #open} gives it.
     *
     * @throws ConnectionUnusableException as {@link #open}, or {@code needs_reauth} when the vendor refused the
     *         refresh token
     * @throws com.yarnnn.export.connector.failure.DeliveryException as {@link #open}
     */
    default ActiveConnection refresh(UUID connectionId, Secret rejected) {
        return open(connectionId);
    }
}
