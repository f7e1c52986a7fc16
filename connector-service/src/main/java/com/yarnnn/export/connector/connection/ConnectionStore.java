package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.credential.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The {@code user_integrations} table: connections and their tokens, encrypted at rest by the vault. */
public interface ConnectionStore {

    /** What an OAuth callback learned: the account and its tokens. */
    record NewConnection(UUID userId, String providerId, String accountId, String accountName,
            Map<String, String> metadata, Secret accessToken, Secret refreshToken, Instant expiresAt, String scopes) {
    }

    /** The decrypted tokens of a connection; {@code refreshToken} and {@code expiresAt} may be null. */
    record StoredTokens(Secret accessToken, Secret refreshToken, Instant expiresAt) {
    }

    /** Saves a connection, replacing the user's earlier one for the same provider account (reconnect). */
    Connection save(NewConnection connection);

    Optional<Connection> find(UUID connectionId);

    List<Connection> listForUser(UUID userId);

    /** The user's most recently connected account of the provider, whatever its status. */
    Optional<Connection> latestFor(UUID userId, String providerId);

    /** @throws ConnectionUnusableException {@code not_connected} when the connection does not exist */
    StoredTokens tokens(UUID connectionId);

    /**
     * Replaces the access token and its expiry; a null {@code refreshToken} keeps the stored one (providers that do
     * not rotate refresh tokens send none on refresh).
     *
     * @throws ConnectionUnusableException {@code not_connected} when the connection does not exist
     */
    void updateTokens(UUID connectionId, StoredTokens tokens);

    void markNeedsReauth(UUID connectionId);

    void delete(UUID connectionId);

    /**
     * Runs {@code work} holding the connection's row lock ({@code select … for update} in a transaction), so one
     * refresh at a time happens per connection across threads and processes.
     */
    <T> T withRowLock(UUID connectionId, Supplier<T> work);
}
