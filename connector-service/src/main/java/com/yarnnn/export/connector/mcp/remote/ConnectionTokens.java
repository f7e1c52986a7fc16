package com.yarnnn.export.connector.mcp.remote;

import com.yarnnn.export.connector.credential.Secret;

/**
 * The token one connection's client sends. Each tool call brings the caller's current one (a token the caller
 * refreshed is used from the next request on, without a new client); a 401 refreshes it, once per connection at a
 * time: calls refused with the same token wait for that one refresh instead of each starting their own.
 */
final class ConnectionTokens {

    private final RemoteServer server;
    private volatile TokenSource source;
    private volatile Secret current;

    ConnectionTokens(RemoteServer server, TokenSource source) {
        this.server = server;
        use(source);
    }

    void use(TokenSource source) {
        this.source = source;
        this.current = source.current();
    }

    Secret current() {
        return current;
    }

    /**
     * A token to resend with after the server refused {@code rejected}: the one another call refreshed meanwhile, or
     * a new one from the source.
     *
     * @throws com.yarnnn.export.connector.connection.ConnectionUnusableException when it cannot be renewed
     */
    synchronized Secret refreshAfter(Secret rejected) {
        if (!current.equals(rejected)) {
            return current;
        }
        Secret renewed = source.refreshed(rejected);
        if (renewed == null || renewed.equals(rejected)) {
            throw RemoteFailures.needsReauth(server);
        }
        current = renewed;
        return renewed;
    }
}
