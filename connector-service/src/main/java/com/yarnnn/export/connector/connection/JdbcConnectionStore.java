package com.yarnnn.export.connector.connection;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NOT_CONNECTED;

import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.vault.TokenVault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ConnectionStore} on PostgreSQL's {@code user_integrations}: tokens are sealed by the {@link TokenVault}
 * before they are written and opened after they are read, so only ciphertext reaches the database.
 */
public class JdbcConnectionStore implements ConnectionStore {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private static final String CONNECTION_COLUMNS =
            "id, user_id, provider, account_id, account_name, metadata, status, connected_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TokenVault vault;
    private final Clock clock;
    private final IdGenerator ids;
    private final JsonMapper json = JsonMapper.shared();

    public JdbcConnectionStore(JdbcClient jdbc, TransactionTemplate transactions, TokenVault vault, Clock clock,
            IdGenerator ids) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.vault = vault;
        this.clock = clock;
        this.ids = ids;
    }

    /** Inserts the connection, or on reconnect of the same account replaces its tokens and makes it active again. */
    @Override
    public Connection save(NewConnection connection) {
        if (connection.accountId() == null || connection.accessToken() == null) {
            throw new IllegalArgumentException("A connection needs the provider's account id and an access token");
        }
        return jdbc.sql("""
                insert into user_integrations (id, user_id, provider, account_id, account_name, access_token_encrypted,
                                               refresh_token_encrypted, token_expires_at, scopes, metadata, status,
                                               created_at, updated_at, connected_at)
                values (:id, :userId, :provider, :accountId, :accountName, :access, :refresh, :expiresAt, :scopes,
                        cast(:metadata as jsonb), 'active', :now, :now, :now)
                on conflict (user_id, provider, account_id) do update
                   set account_name = excluded.account_name,
                       access_token_encrypted = excluded.access_token_encrypted,
                       refresh_token_encrypted = excluded.refresh_token_encrypted,
                       token_expires_at = excluded.token_expires_at,
                       scopes = excluded.scopes,
                       metadata = excluded.metadata,
                       status = 'active',
                       updated_at = excluded.updated_at,
                       connected_at = excluded.connected_at
                returning\s""" + CONNECTION_COLUMNS)
                .param("id", ids.generateId())
                .param("userId", connection.userId())
                .param("provider", connection.providerId())
                .param("accountId", connection.accountId())
                .param("accountName", connection.accountName())
                .param("access", seal(connection.accessToken()), Types.BINARY)
                .param("refresh", seal(connection.refreshToken()), Types.BINARY)
                .param("expiresAt", timestamp(connection.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("scopes", connection.scopes())
                .param("metadata", json.writeValueAsString(Objects.requireNonNullElse(connection.metadata(), Map.of())))
                .param("now", timestamp(clock.instant()))
                .query(this::connection)
                .single();
    }

    @Override
    public Optional<Connection> find(UUID connectionId) {
        return jdbc.sql("select " + CONNECTION_COLUMNS + " from user_integrations where id = :id")
                .param("id", connectionId)
                .query(this::connection)
                .optional();
    }

    @Override
    public List<Connection> listForUser(UUID userId) {
        return jdbc.sql("select " + CONNECTION_COLUMNS + " from user_integrations where user_id = :userId "
                        + "order by provider, connected_at desc, id")
                .param("userId", userId)
                .query(this::connection)
                .list();
    }

    @Override
    public Optional<Connection> latestFor(UUID userId, String providerId) {
        return jdbc.sql("select " + CONNECTION_COLUMNS + " from user_integrations "
                        + "where user_id = :userId and provider = :provider order by connected_at desc, id limit 1")
                .param("userId", userId)
                .param("provider", providerId)
                .query(this::connection)
                .optional();
    }

    @Override
    public StoredTokens tokens(UUID connectionId) {
        return jdbc.sql("select access_token_encrypted, refresh_token_encrypted, token_expires_at "
                        + "from user_integrations where id = :id")
                .param("id", connectionId)
                .query((rs, row) -> new StoredTokens(open(rs.getBytes(1)), open(rs.getBytes(2)), instant(rs, 3)))
                .optional()
                .orElseThrow(JdbcConnectionStore::notConnected);
    }

    @Override
    public void updateTokens(UUID connectionId, StoredTokens tokens) {
        int updated = jdbc.sql("""
                update user_integrations
                   set access_token_encrypted = :access,
                       refresh_token_encrypted = coalesce(:refresh, refresh_token_encrypted),
                       token_expires_at = :expiresAt,
                       updated_at = :now
                 where id = :id""")
                .param("id", connectionId)
                .param("access", seal(tokens.accessToken()), Types.BINARY)
                .param("refresh", seal(tokens.refreshToken()), Types.BINARY)
                .param("expiresAt", timestamp(tokens.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", timestamp(clock.instant()))
                .update();
        if (updated == 0) {
            throw notConnected();
        }
    }

    @Override
    public void markNeedsReauth(UUID connectionId) {
        jdbc.sql("update user_integrations set status = :status, updated_at = :now where id = :id")
                .param("id", connectionId)
                .param("status", ConnectionStatus.NEEDS_REAUTH.dbValue())
                .param("now", timestamp(clock.instant()))
                .update();
    }

    @Override
    public void delete(UUID connectionId) {
        jdbc.sql("delete from user_integrations where id = :id").param("id", connectionId).update();
    }

    /** @throws ConnectionUnusableException {@code not_connected} when the connection does not exist */
    @Override
    public <T> T withRowLock(UUID connectionId, Supplier<T> work) {
        return transactions.execute(transaction -> {
            jdbc.sql("select id from user_integrations where id = :id for update")
                    .param("id", connectionId)
                    .query(UUID.class)
                    .optional()
                    .orElseThrow(JdbcConnectionStore::notConnected);
            return work.get();
        });
    }

    /** Up to {@code limit} connections' sealed tokens, in id order after {@code after}: what re-encryption scans. */
    List<SealedTokens> sealedTokensAfter(UUID after, int limit) {
        return jdbc.sql("select id, access_token_encrypted, refresh_token_encrypted from user_integrations "
                        + "where id > :after order by id limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(JdbcConnectionStore::sealedTokens)
                .list();
    }

    /**
     * Seals the connection's tokens again with the vault's active key, under its row lock so that a concurrent
     * refresh is neither lost nor overwritten.
     *
     * @return whether anything was re-encrypted (false when already under the active key or gone meanwhile)
     */
    boolean reencrypt(UUID connectionId) {
        return Boolean.TRUE.equals(transactions.execute(transaction -> {
            Optional<SealedTokens> locked = jdbc.sql("select id, access_token_encrypted, refresh_token_encrypted "
                            + "from user_integrations where id = :id for update")
                    .param("id", connectionId)
                    .query(JdbcConnectionStore::sealedTokens)
                    .optional();
            if (locked.isEmpty() || locked.get().sealedWith(vault)) {
                return false;
            }
            jdbc.sql("update user_integrations "
                            + "set access_token_encrypted = :access, refresh_token_encrypted = :refresh where id = :id")
                    .param("id", connectionId)
                    .param("access", seal(open(locked.get().accessToken())), Types.BINARY)
                    .param("refresh", seal(open(locked.get().refreshToken())), Types.BINARY)
                    .update();
            return true;
        }));
    }

    /** A connection's tokens as stored: ciphertext, which names its key but reveals nothing else. */
    record SealedTokens(UUID connectionId, byte[] accessToken, byte[] refreshToken) {

        /** Whether every token present is sealed with the vault's active key. */
        boolean sealedWith(TokenVault vault) {
            return (accessToken == null || vault.isSealedWithActiveKey(accessToken))
                    && (refreshToken == null || vault.isSealedWithActiveKey(refreshToken));
        }
    }

    private Connection connection(ResultSet rs, int row) throws SQLException {
        return new Connection(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("provider"), rs.getString("account_id"), rs.getString("account_name"),
                json.readValue(rs.getString("metadata"), METADATA), ConnectionStatus.fromDb(rs.getString("status")),
                instant(rs, "connected_at"));
    }

    private static SealedTokens sealedTokens(ResultSet rs, int row) throws SQLException {
        return new SealedTokens(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getBytes(3));
    }

    private byte[] seal(Secret token) {
        return token != null ? vault.encrypt(token) : null;
    }

    private Secret open(byte[] sealed) {
        return sealed != null ? vault.decrypt(sealed) : null;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant != null ? instant.atOffset(ZoneOffset.UTC) : null;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value != null ? value.toInstant() : null;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static ConnectionUnusableException notConnected() {
        return new ConnectionUnusableException(NOT_CONNECTED,
                "The connection no longer exists; connect the account again.");
    }
}
