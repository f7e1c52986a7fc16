package com.yarnnn.export.connector.mcp.remote;

import com.yarnnn.export.connector.credential.Secret;

/**
 * A connection's access token, as the caller keeps it (the providers: {@code ConnectionAccess}). This package
 * reads it, and asks for a new one when the server refuses it; it never stores or refreshes tokens itself.
 */
public interface TokenSource {

    /** The token to send now. */
    Secret current();

    /**
     * A token to use instead of {@code rejected}, which the server answered with 401. Called at most once per tool
     * call, and once per connection at a time.
     *
     * @return a token other than {@code rejected}; the same one (or {@code null}) means it cannot be renewed
     * @throws com.yarnnn.export.connector.connection.ConnectionUnusableException when the vendor refused to renew it
     *         ({@code needs_reauth}); the call fails with it as it is
     * @throws com.yarnnn.export.connector.failure.DeliveryException when renewing failed for now (the vendor's token
     *         endpoint is down); the call fails with it as it is
     */
    Secret refreshed(Secret rejected);
}
