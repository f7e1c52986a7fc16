package com.yarnnn.export.connector.testing;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link ConnectionStore} in memory, for tests, keeping the contract's semantics: {@link #withRowLock} really
 * excludes (by default a lock per connection in this JVM, or the given {@link RowLocks}: a PostgreSQL advisory
 * lock stands in for the row lock of separate processes) and, like the transaction it stands for, undoes the
 * connection's changes when the work throws; a missing connection is {@code not_connected}.
 */
public class InMemoryConnectionStore implements ConnectionStore {

    /** Runs work exclusively per connection. */
    public interface RowLocks {
        <T> T locked(UUID connectionId, Supplier<T> work);
    }

    private record Row(Connection connection, StoredTokens tokens) {
    }

    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();
    private final RowLocks locks;
    private final Clock clock;

    public InMemoryConnectionStore(Clock clock) {
        this(clock, localLocks());
    }

    public InMemoryConnectionStore(Clock clock, RowLocks locks) {
        this.clock = clock;
        this.locks = locks;
    }

    @Override
    public Connection save(NewConnection added) {
        return save(added, clock.instant());
    }

    /** A connection as the store would hold it after an OAuth callback; returns it. */
    public Connection add(UUID userId, String providerId, String accountId, StoredTokens tokens) {
        return add(userId, providerId, accountId, tokens, clock.instant());
    }

    /** The same, connected at the given time. */
    public Connection add(UUID userId, String providerId, String accountId, StoredTokens tokens, Instant connectedAt) {
        return save(new NewConnection(userId, providerId, accountId, accountId + " name", Map.of(),
                tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), null), connectedAt);
    }

    private synchronized Connection save(NewConnection added, Instant connectedAt) {
        UUID id = rows.values().stream().map(Row::connection)
                .filter(c -> c.userId().equals(added.userId()) && c.providerId().equals(added.providerId())
                        && c.accountId().equals(added.accountId()))
                .map(Connection::id).findFirst().orElseGet(UUID::randomUUID);
        Connection connection = new Connection(id, added.userId(), added.providerId(), added.accountId(),
                added.accountName(), added.metadata(), ConnectionStatus.ACTIVE, connectedAt);
        rows.put(id, new Row(connection, new StoredTokens(added.accessToken(), added.refreshToken(),
                added.expiresAt())));
        return connection;
    }

    @Override
    public Optional<Connection> find(UUID connectionId) {
        return Optional.ofNullable(rows.get(connectionId)).map(Row::connection);
    }

    @Override
    public List<Connection> listForUser(UUID userId) {
        return rows.values().stream().map(Row::connection).filter(c -> c.userId().equals(userId))
                .sorted(Comparator.comparing(Connection::connectedAt).reversed()).toList();
    }

    @Override
    public Optional<Connection> latestFor(UUID userId, String providerId) {
        return listForUser(userId).stream().filter(c -> c.providerId().equals(providerId)).findFirst();
    }

    @Override
    public StoredTokens tokens(UUID connectionId) {
        return row(connectionId).tokens();
    }

    /** A null refresh token keeps the stored one, as the contract says. */
    @Override
    public void updateTokens(UUID connectionId, StoredTokens tokens) {
        Row current = row(connectionId);
        rows.put(connectionId, new Row(current.connection(), new StoredTokens(tokens.accessToken(),
                tokens.refreshToken() != null ? tokens.refreshToken() : current.tokens().refreshToken(),
                tokens.expiresAt())));
    }

    @Override
    public void markNeedsReauth(UUID connectionId) {
        setStatus(connectionId, ConnectionStatus.NEEDS_REAUTH);
    }

    public void setStatus(UUID connectionId, ConnectionStatus status) {
        rows.computeIfPresent(connectionId, (id, row) -> {
            Connection c = row.connection();
            return new Row(new Connection(c.id(), c.userId(), c.providerId(), c.accountId(), c.accountName(),
                    c.metadata(), status, c.connectedAt()), row.tokens());
        });
    }

    @Override
    public void delete(UUID connectionId) {
        rows.remove(connectionId);
    }

    @Override
    public <T> T withRowLock(UUID connectionId, Supplier<T> work) {
        return locks.locked(connectionId, () -> {
            Row before = row(connectionId);
            try {
                return work.get();
            } catch (RuntimeException e) {
                rows.computeIfPresent(connectionId, (id, changed) -> before);
                throw e;
            }
        });
    }

    public void clear() {
        rows.clear();
    }

    private Row row(UUID connectionId) {
        Row row = rows.get(connectionId);
        if (row == null) {
            throw new ConnectionUnusableException("not_connected", "The connection no longer exists");
        }
        return row;
    }

    private static RowLocks localLocks() {
        Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
        return new RowLocks() {
            @Override
            public <T> T locked(UUID connectionId, Supplier<T> work) {
                ReentrantLock lock = locks.computeIfAbsent(connectionId, id -> new ReentrantLock());
                lock.lock();
                try {
                    return work.get();
                } finally {
                    lock.unlock();
                }
            }
        };
    }
}
