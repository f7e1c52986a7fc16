package com.yarnnn.export.connector.provider;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.credential.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected account as a hosted-server test sees it: its token, and what a refresh renews it to (the same token
 * when it cannot be renewed), counting the refreshes.
 */
public final class RenewableConnection implements ConnectionAccess {

    private final UUID id = UUID.randomUUID();
    private final String providerId;
    private final String accountId;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String token;
    private volatile String renewsTo;

    public RenewableConnection(String providerId, String accountId, String token, String renewsTo) {
        this.providerId = providerId;
        this.accountId = accountId;
        this.token = token;
        this.renewsTo = renewsTo;
    }

    public UUID id() {
        return id;
    }

    /** How many times a refused token was renewed. */
    public int refreshes() {
        return refreshes.get();
    }

    /** What the next refresh gives: the current token means the connection has no refresh token. */
    public void renewsTo(String token) {
        this.renewsTo = token;
    }

    public ActiveConnection active() {
        return new ActiveConnection(new Connection(id, UUID.randomUUID(), providerId, accountId, "Acme Corp",
                Map.of(), ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T09:00:00Z")), Secret.of(token));
    }

    @Override
    public ActiveConnection open(UUID connectionId) {
        return active();
    }

    @Override
    public ActiveConnection refresh(UUID connectionId, Secret rejected) {
        refreshes.incrementAndGet();
        token = renewsTo;
        return active();
    }
}
