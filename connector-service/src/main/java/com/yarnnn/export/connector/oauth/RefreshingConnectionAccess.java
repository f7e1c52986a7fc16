package com.yarnnn.export.connector.oauth;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static com.yarnnn.export.schemas.event.ExportErrorCodes.NOT_CONNECTED;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a connection's access token, refreshed first when it expires within the margin. A refresh happens
 * once per connection however many callers need it: callers in this process share one refresh, and processes
 * take turns through the connection's row lock, re-reading the tokens once they hold it (another process may
 * have refreshed meanwhile). A refused refresh token marks the connection for re-authorisation, unless the
 * stored one changed meanwhile: then the refresh lost a race against another refresher, not its grant.
 */
public class RefreshingConnectionAccess implements ConnectionAccess {

    private static final Logger log = LoggerFactory.getLogger(RefreshingConnectionAccess.class);

    /**
     * What a refresh under the row lock came to. A connection found unusable is returned, not thrown: throwing
     * inside the lock would roll back its transaction, and with it the needs_reauth mark.
     */
    private record Outcome(ActiveConnection active, ConnectionUnusableException unusable) {

        static Outcome of(ActiveConnection active) {
            return new Outcome(active, null);
        }

        ActiveConnection get() {
            if (unusable != null) {
                throw unusable;
            }
            return active;
        }
    }

    private final ConnectionStore store;
    private final OAuthClients clients;
    private final OAuthTokenClient tokenClient;
    private final Clock clock;
    private final Duration refreshMargin;
    private final ConcurrentMap<UUID, CompletableFuture<ActiveConnection>> refreshes = new ConcurrentHashMap<>();

    public RefreshingConnectionAccess(ConnectionStore store, OAuthClients clients, OAuthTokenClient tokenClient,
            Clock clock, Duration refreshMargin) {
        this.store = store;
        this.clients = clients;
        this.tokenClient = tokenClient;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
    }

    @Override
    public ActiveConnection open(UUID connectionId) {
        Connection connection = usable(connectionId);
        StoredTokens tokens = store.tokens(connectionId);
        if (!expiresSoon(tokens)) {
            return new ActiveConnection(connection, tokens.accessToken());
        }
        return refreshOnce(connectionId, null);
    }

    /**
     * Refreshes even a token that does not expire soon, when the stored one is still {@code rejected} and a refresh
     * token exists; shares the refresh with other callers as {@link #open} does.
     */
    @Override
    public ActiveConnection refresh(UUID connectionId, Secret rejected) {
        Connection connection = usable(connectionId);
        StoredTokens tokens = store.tokens(connectionId);
        if (!tokens.accessToken().equals(rejected) || tokens.refreshToken() == null) {
            return new ActiveConnection(connection, tokens.accessToken());
        }
        return refreshOnce(connectionId, rejected);
    }

    /** @param rejected a token the vendor refused, refreshed though it does not expire soon; or null */
    private ActiveConnection refreshOnce(UUID connectionId, Secret rejected) {
        CompletableFuture<ActiveConnection> mine = new CompletableFuture<>();
        CompletableFuture<ActiveConnection> running = refreshes.putIfAbsent(connectionId, mine);
        if (running != null) {
            return join(running);
        }
        try {
            ActiveConnection active = store.withRowLock(connectionId, () -> refreshHoldingLock(connectionId, rejected)).get();
            mine.complete(active);
            return active;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refreshes.remove(connectionId, mine);
        }
    }

    private Outcome refreshHoldingLock(UUID connectionId, Secret rejected) {
        Connection connection = usable(connectionId);
        StoredTokens tokens = store.tokens(connectionId);
        if (!expiresSoon(tokens) && !tokens.accessToken().equals(rejected)) {
            return Outcome.of(new ActiveConnection(connection, tokens.accessToken()));
        }
        if (tokens.refreshToken() == null) {
            if (tokens.expiresAt() == null || tokens.expiresAt().isAfter(clock.instant())) {
                return Outcome.of(new ActiveConnection(connection, tokens.accessToken()));
            }
            return needsReauth(connection, "its access token expired and it has no refresh token");
        }
        OAuthClient client = clients.find(connection.providerId()).orElseThrow(() -> new DeliveryException(
                "oauth_not_configured", name(connection) + " access expired and this server has no "
                        + name(connection) + " OAuth app configured to renew it", false, null));
        try {
            TokenGrant grant = tokenClient.refresh(client, tokens.accessToken(), tokens.refreshToken());
            StoredTokens refreshed = new StoredTokens(grant.accessToken(),
                    grant.refreshToken() != null ? grant.refreshToken() : tokens.refreshToken(),
                    grant.expiresAt(clock.instant()));
            store.updateTokens(connectionId, refreshed);
            return Outcome.of(new ActiveConnection(connection, refreshed.accessToken()));
        } catch (TokenEndpointException e) {
            return refreshRefused(connection, tokens, client.vendor(), e);
        }
    }

    private Outcome refreshRefused(Connection connection, StoredTokens sent, OAuthVendor vendor,
            TokenEndpointException refusal) {
        if (!vendor.isDeadGrant(refusal.error())) {
            log.warn("Refreshing connection {} of {} failed: {}", connection.id(), connection.providerId(),
                    refusal.error());
            throw new DeliveryException("token_refresh_failed", name(connection) + " did not renew its access ("
                    + refusal.error() + ")", refusal.isTransient(), refusal);
        }
        StoredTokens current = store.tokens(connection.id());
        if (current.refreshToken() != null && !current.refreshToken().equals(sent.refreshToken())) {
            log.info("Connection {} of {} was refreshed by another process meanwhile; using its tokens",
                    connection.id(), connection.providerId());
            return Outcome.of(new ActiveConnection(connection, current.accessToken()));
        }
        return needsReauth(connection, "its refresh token was refused (" + refusal.error() + ")");
    }

    private Outcome needsReauth(Connection connection, String reason) {
        store.markNeedsReauth(connection.id());
        log.info("Connection {} of {} needs re-authorisation: {}", connection.id(), connection.providerId(), reason);
        return new Outcome(null, reauthRequired(connection));
    }

    private Connection usable(UUID connectionId) {
        Connection connection = store.find(connectionId).orElseThrow(() -> new ConnectionUnusableException(
                NOT_CONNECTED, "The account this export was for is no longer connected: connect it in Settings"));
        if (connection.status() != ConnectionStatus.ACTIVE) {
            throw reauthRequired(connection);
        }
        return connection;
    }

    private ConnectionUnusableException reauthRequired(Connection connection) {
        return new ConnectionUnusableException(NEEDS_REAUTH,
                name(connection) + " access was revoked or expired: reconnect it in Settings");
    }

    private boolean expiresSoon(StoredTokens tokens) {
        return tokens.expiresAt() != null && !tokens.expiresAt().isAfter(clock.instant().plus(refreshMargin));
    }

    private String name(Connection connection) {
        return clients.displayName(connection.providerId());
    }

    private static ActiveConnection join(CompletableFuture<ActiveConnection> refresh) {
        try {
            return refresh.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
