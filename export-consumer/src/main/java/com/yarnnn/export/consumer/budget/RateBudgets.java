package com.yarnnn.export.consumer.budget;

import com.yarnnn.export.connector.provider.RateBudget;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets in PostgreSQL ({@code rate_budget}), so every consumer instance draws from the same budget. A call
 * takes one token from each of an export's budgets, all or none, under the rows' locks (taken in key order, so
 * callers never deadlock); when one is empty or paused, nothing is taken and the caller learns how long to wait.
 */
@Component
public class RateBudgets {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RateBudgets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Bucket(double tokens, Instant refilledAt, Instant blockedUntil) {
    }

    /** Takes one token from every budget and returns zero, or takes none and returns how long to wait. */
    public Duration acquire(List<RateBudget> budgets) {
        if (budgets.isEmpty()) {
            return Duration.ZERO;
        }
        List<RateBudget> ordered = budgets.stream().sorted(Comparator.comparing(RateBudget::key)).toList();
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Map<String, Bucket> buckets = lock(ordered, now);
            Duration wait = Duration.ZERO;
            for (RateBudget budget : ordered) {
                Duration needed = waitFor(budget, buckets.get(budget.key()), now);
                wait = needed.compareTo(wait) > 0 ? needed : wait;
            }
            if (wait.isZero()) {
                for (RateBudget budget : ordered) {
                    jdbc.sql("update rate_budget set tokens = :tokens, refilled_at = :now where budget_key = :key")
                            .param("tokens", available(budget, buckets.get(budget.key()), now) - 1)
                            .param("now", Timestamp.from(now))
                            .param("key", budget.key())
                            .update();
                }
            }
            return wait;
        });
    }

    /** The provider asked to slow down: nothing draws from this budget until {@code duration} has passed. */
    public void pause(RateBudget budget, Duration duration) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into rate_budget (budget_key, tokens, refilled_at, blocked_until)
                        values (:key, 0, :now, :until)
                        on conflict (budget_key) do update
                           set blocked_until = greatest(rate_budget.blocked_until, excluded.blocked_until)""")
                .param("key", budget.key())
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(duration)))
                .update();
    }

    private Map<String, Bucket> lock(List<RateBudget> ordered, Instant now) {
        for (RateBudget budget : ordered) {
            jdbc.sql("""
                            insert into rate_budget (budget_key, tokens, refilled_at) values (:key, :capacity, :now)
                            on conflict (budget_key) do nothing""")
                    .param("key", budget.key())
                    .param("capacity", (double) budget.capacity())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return jdbc.sql("""
                        select budget_key, tokens, refilled_at, blocked_until from rate_budget
                         where budget_key in (:keys) order by budget_key for update""")
                .param("keys", ordered.stream().map(RateBudget::key).toList())
                .query((rs, row) -> Map.entry(rs.getString("budget_key"), new Bucket(rs.getDouble("tokens"),
                        rs.getObject("refilled_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("blocked_until", OffsetDateTime.class)))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Duration waitFor(RateBudget budget, Bucket bucket, Instant now) {
        if (bucket.blockedUntil() != null && bucket.blockedUntil().isAfter(now)) {
            return Duration.between(now, bucket.blockedUntil());
        }
        double missing = 1 - available(budget, bucket, now);
        return missing <= 0 ? Duration.ZERO
                : Duration.ofMillis((long) Math.ceil(missing / budget.refillPerSecond() * 1000));
    }

    private static double available(RateBudget budget, Bucket bucket, Instant now) {
        double elapsed = Math.max(0, Duration.between(bucket.refilledAt(), now).toMillis() / 1000.0);
        return Math.min(budget.capacity(), bucket.tokens() + elapsed * budget.refillPerSecond());
    }

    private static Instant instantOrNull(OffsetDateTime value) {
        return value != null ? value.toInstant() : null;
    }
}
