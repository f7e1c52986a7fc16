package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A per-connection lock held in PostgreSQL for the length of a transaction, as the store's row lock is: it
 * excludes across processes (here, across instances that share no memory but the database).
 */
final class AdvisoryRowLocks implements InMemoryConnectionStore.RowLocks {

    private final DataSource database;

    AdvisoryRowLocks(DataSource database) {
        this.database = database;
    }

    @Override
    public <T> T locked(UUID connectionId, Supplier<T> work) {
        try (Connection transaction = database.getConnection()) {
            transaction.setAutoCommit(false);
            try (PreparedStatement lock = transaction.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, connectionId.getMostSignificantBits() ^ connectionId.getLeastSignificantBits());
                lock.execute();
                T result = work.get();
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL lock failed", e);
        }
    }
}
