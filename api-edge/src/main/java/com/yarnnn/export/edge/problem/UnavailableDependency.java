package com.yarnnn.export.edge.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * A service this instance needs that failed a request by being unreachable or failing, rather than a mistake in
 * the request or in this code. Told by category from the exception and every cause under it, so that a failure
 * wrapped by a template, a cache or another exception on its way up is still told.
 */
enum UnavailableDependency {

    DATABASE("The database"),
    MESSAGE_BROKER("The message broker");

    /**
     * SQLState classes of a raw {@link SQLException} that mean the server is gone or going (connection exception,
     * insufficient resources, operator intervention such as a restart, system error): the same classes Spring
     * translates to a resource failure, for a JDBC exception that reached us untranslated.
     */
    private static final Set<String> UNAVAILABLE_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58");

    private final String name;

    UnavailableDependency(String name) {
        this.name = name;
    }

    /** The dependency whose failure caused {@code failure}, if it was one. */
    static Optional<UnavailableDependency> causing(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(UnavailableDependency::isDatabaseFailure)) {
            return Optional.of(DATABASE);
        }
        if (chain.stream().anyMatch(UnavailableDependency::isKafkaFailure)
                && chain.stream().noneMatch(UnavailableDependency::isKafkaMisuse)) {
            return Optional.of(MESSAGE_BROKER);
        }
        return Optional.empty();
    }

    /**
     * What the caller is told. A request that changes something may have been partly carried out when the failure
     * came (a commit that failed may even have been applied), so it is not said to have changed nothing; the
     * routes' changes are safe to repeat, and an export's Idempotency-Key makes its retry map to the same export.
     */
    String detail(boolean changesState, boolean hasIdempotencyKey) {
        StringBuilder detail = new StringBuilder(name).append(" is unavailable right now");
        if (changesState) {
            detail.append(", so the request may not have been carried out");
        }
        detail.append(". Try again in a few seconds");
        if (hasIdempotencyKey) {
            detail.append("; a retry with the same Idempotency-Key never creates a second export");
        }
        return detail.append('.').toString();
    }

    private static boolean isDatabaseFailure(Throwable t) {
        return t instanceof NonTransientDataAccessResourceException // unreachable, lost, no connection from the pool
                || t instanceof TransientDataAccessException // query timeouts, lock timeouts, deadlocks
                || t instanceof RecoverableDataAccessException
                || t instanceof CannotCreateTransactionException // no connection to begin a transaction on
                || t instanceof TransactionSystemException // the commit or the rollback failed
                || t instanceof TransactionTimedOutException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                        && UNAVAILABLE_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2));
    }

    private static boolean isKafkaFailure(Throwable t) {
        return t instanceof org.apache.kafka.common.KafkaException
                || t instanceof org.springframework.kafka.KafkaException;
    }

    /**
     * Kafka failures that a retry cannot mend: a record this code cannot serialize, a client configured wrongly, or
     * a request the broker answered and refused (too large, not authorised). These stay 500s, to be looked at.
     */
    private static boolean isKafkaMisuse(Throwable t) {
        return t instanceof SerializationException
                || t instanceof ConfigException
                || t instanceof ApiException && !(t instanceof RetriableException);
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
