package com.yarnnn.export.edge.connection;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.oauth.OAuthClients;
import com.yarnnn.export.connector.oauth.TokenRevoker;
import com.yarnnn.export.connector.provider.ConnectionSessions;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A user's connected accounts: listing, the one an export goes through, disconnecting, their destinations, and
 * proving one still works.
 */
@Service
public class UserConnections {

    private static final Logger log = LoggerFactory.getLogger(UserConnections.class);

    private final ConnectionStore store;
    private final ProviderRegistry providers;
    private final OAuthClients clients;
    private final TokenRevoker revoker;
    private final ConnectionSessions sessions;
    private final ProviderDestinations destinations;
    private final ConnectionAccess access;

    UserConnections(ConnectionStore store, ProviderRegistry providers, OAuthClients clients, TokenRevoker revoker,
            ConnectionSessions sessions, ProviderDestinations destinations, ConnectionAccess access) {
        this.store = store;
        this.providers = providers;
        this.clients = clients;
        this.revoker = revoker;
        this.sessions = sessions;
        this.destinations = destinations;
        this.access = access;
    }

    public List<Connection> list(UUID userId) {
        return store.listForUser(userId);
    }

    /**
     * The connection exports to the provider go through: the user's most recently connected active account.
     *
     * @throws ConnectionRequiredException when the user has none, or none that still works
     */
    public UUID requireActive(UUID userId, String providerId) {
        List<Connection> ofProvider = ofProvider(userId, providerId);
        return ofProvider.stream()
                .filter(connection -> connection.status() == ConnectionStatus.ACTIVE)
                .max(Comparator.comparing(Connection::connectedAt))
                .map(Connection::id)
                .orElseThrow(() -> ofProvider.isEmpty() ? ConnectionRequiredException.notConnected(displayName(providerId))
                        : ConnectionRequiredException.needsReauth(displayName(providerId)));
    }

    /** Revokes the user's connections of the provider at the vendor, deletes them and stops their MCP servers. */
    void disconnect(UUID userId, String providerId) {
        requireKnown(providerId);
        List<Connection> ofProvider = ofProvider(userId, providerId);
        if (ofProvider.isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, displayName(providerId) + " is not connected");
        }
        ofProvider.forEach(this::remove);
    }

    /** Revokes and deletes every connection of the user, of any provider; returns how many there were. */
    public int disconnectAll(UUID userId) {
        List<Connection> all = store.listForUser(userId);
        all.forEach(this::remove);
        return all.size();
    }

    public List<Destination> destinations(UUID userId, String providerId) {
        return withConnection(userId, providerId, destinations::list);
    }

    /**
     * Proves the user's connection works with the provider's cheap real call (Slack lists one channel, Notion asks
     * for its bot user, Gmail for the profile). A token the provider refuses marks the connection needs_reauth.
     */
    void validate(UUID userId, String providerId) {
        withConnection(userId, providerId, (provider, connectionId) -> {
            provider.validateConnection(access.open(connectionId));
            return connectionId;
        });
    }

    private <T> T withConnection(UUID userId, String providerId, BiFunction<ExportProvider, UUID, T> call) {
        ExportProvider provider = providers.find(providerId).orElseThrow(() -> unknownProvider(providerId));
        if (!provider.descriptor().requiresConnection()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, provider.descriptor().displayName()
                    + " needs no connected account: its destinations are typed in, not listed");
        }
        UUID connectionId = requireActive(userId, providerId);
        try {
            return call.apply(provider, connectionId);
        } catch (ConnectionUnusableException e) {
            throw new ConnectionRequiredException(e.code(), e.getMessage());
        } catch (DeliveryException e) {
            if (NEEDS_REAUTH.equals(e.code())) {
                store.markNeedsReauth(connectionId);
                throw ConnectionRequiredException.needsReauth(displayName(providerId));
            }
            throw new ApiProblemException(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
                    e.getMessage());
        } catch (McpCallException e) {
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "The " + displayName(providerId)
                    + " connector is unavailable (" + e.code() + "): try again shortly");
        }
    }

    public String displayName(String providerId) {
        return providers.find(providerId).map(provider -> provider.descriptor().displayName())
                .orElseGet(() -> clients.displayName(providerId));
    }

    private void remove(Connection connection) {
        revoker.revoke(connection, store.tokens(connection.id()));
        store.delete(connection.id());
        sessions.close(connection);
        destinations.forget(connection.id());
        log.info("User {} disconnected {} account {} (connection {})", connection.userId(), connection.providerId(),
                connection.accountId(), connection.id());
    }

    private List<Connection> ofProvider(UUID userId, String providerId) {
        return store.listForUser(userId).stream().filter(c -> c.providerId().equals(providerId)).toList();
    }

    private void requireKnown(String providerId) {
        if (providers.find(providerId).isEmpty() && !clients.isVendor(providerId)) {
            throw unknownProvider(providerId);
        }
    }

    private static ApiProblemException unknownProvider(String providerId) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "There is no provider '" + providerId + "'");
    }
}
