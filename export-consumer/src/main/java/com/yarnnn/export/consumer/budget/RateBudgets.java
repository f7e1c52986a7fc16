package com.yarnnn.export.consumer.budget;

import com.yarnnn.export.connector.provider.RateBudget;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token buckets in PostgreSQL ({@code rate_budget}), so every consumer instance draws from the same budget. A call
 * takes one token from each of an export's budgets, all or none, under the rows' locks (taken in key order, so
 * callers never deadlock); when one is empty or paused, nothing is taken and the caller learns how long to wait.
 * An export's budgets come most specific first; each row remembers the next one as its parent, so a "slow down"
 * is scoped to what it concerns (see {@link #pause}).
 */
@Component
public class RateBudgets {

    /** The longest a repeated "slow down" doubles a pause to; a longer pause the provider asks for is kept. */
    static final Duration LONGEST_DOUBLED_PAUSE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RateBudgets(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Bucket(double tokens, Instant refilledAt, Instant blockedUntil, Duration pausedFor) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    /** Takes one token from every budget and returns nothing, or takes none and returns the longest wait. */
    public Optional<BudgetWait> acquire(List<RateBudget> budgets) {
        if (budgets.isEmpty()) {
            return Optional.empty();
        }
        List<RateBudget> ordered = budgets.stream().sorted(Comparator.comparing(RateBudget::key)).toList();
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            Map<String, Bucket> buckets = lock(budgets, now);
            BudgetWait longest = null;
            for (RateBudget budget : ordered) {
                BudgetWait wait = waitFor(budget, buckets.get(budget.key()), now);
                if (wait != null && (longest == null || wait.duration().compareTo(longest.duration()) > 0)) {
                    longest = wait;
                }
            }
            if (longest == null) {
                for (RateBudget budget : ordered) {
                    jdbc.sql("update rate_budget set tokens = :tokens, refilled_at = :now where budget_key = :key")
                            .param("tokens", available(budget, buckets.get(budget.key()), now) - 1)
                            .param("now", Timestamp.from(now))
                            .param("key", budget.key())
                            .update();
                }
            }
            return Optional.ofNullable(longest);
        });
    }

    /**
     * The provider asked to slow down: nothing draws from the most specific of {@code budgets} until the returned
     * pause has passed. A budget limited again within one pause of the last one ending waits twice as long (up to
     * {@link #LONGEST_DOUBLED_PAUSE}); a limit answered while a sibling (another channel of the same workspace) is
     * still paused is the parent's, which is then paused too. Answers arriving during a pause change nothing.
     *
     * @return how long the most specific budget is paused from now; {@code requested} when there is none to pause
     */
    public Duration pause(List<RateBudget> budgets, Duration requested) {
        if (budgets.isEmpty()) {
            return requested;
        }
        return transaction.execute(tx -> {
            Instant now = clock.instant();
            lock(budgets, now);
            return pauseFrom(budgets, requested, now);
        });
    }

    private Duration pauseFrom(List<RateBudget> budgets, Duration requested, Instant now) {
        RateBudget budget = budgets.get(0);
        Bucket bucket = buckets(List.of(budget.key())).get(budget.key());
        if (bucket.blockedAt(now)) {
            return Duration.between(now, bucket.blockedUntil());
        }
        Duration pause = bucket.blockedUntil() != null && bucket.pausedFor() != null
                && now.isBefore(bucket.blockedUntil().plus(bucket.pausedFor()))
                ? longest(requested, shortest(bucket.pausedFor().multipliedBy(2), LONGEST_DOUBLED_PAUSE))
                : requested;
        jdbc.sql("update rate_budget set blocked_until = :until, paused_for_ms = :ms where budget_key = :key")
                .param("until", Timestamp.from(now.plus(pause)))
                .param("ms", pause.toMillis())
                .param("key", budget.key())
                .update();
        if (budgets.size() > 1 && siblingPaused(budget, budgets.get(1), now)) {
            pauseFrom(budgets.subList(1, budgets.size()), requested, now);
        }
        return pause;
    }

    private boolean siblingPaused(RateBudget budget, RateBudget parent, Instant now) {
        return jdbc.sql("""
                        select count(*) from rate_budget
                         where parent_key = :parent and budget_key <> :key and blocked_until > :now""")
                .param("parent", parent.key())
                .param("key", budget.key())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single() > 0;
    }

    /** Creates missing rows (each with its parent, the next budget in the list) and locks all of them, in key order. */
    private Map<String, Bucket> lock(List<RateBudget> budgets, Instant now) {
        Map<String, String> parents = new HashMap<>();
        for (int i = 0; i + 1 < budgets.size(); i++) {
            parents.put(budgets.get(i).key(), budgets.get(i + 1).key());
        }
        List<RateBudget> ordered = budgets.stream().sorted(Comparator.comparing(RateBudget::key)).toList();
        for (RateBudget budget : ordered) {
            jdbc.sql("""
                            insert into rate_budget (budget_key, tokens, refilled_at, parent_key)
                            values (:key, :capacity, :now, :parent)
                            on conflict (budget_key) do update set parent_key = excluded.parent_key
                             where rate_budget.parent_key is distinct from excluded.parent_key""")
                    .param("key", budget.key())
                    .param("capacity", (double) budget.capacity())
                    .param("now", Timestamp.from(now))
                    .param("parent", parents.get(budget.key()))
                    .update();
        }
        return buckets(ordered.stream().map(RateBudget::key).toList());
    }

    private Map<String, Bucket> buckets(List<String> keys) {
        return jdbc.sql("""
                        select budget_key, tokens, refilled_at, blocked_until, paused_for_ms from rate_budget
                         where budget_key in (:keys) order by budget_key for update""")
                .param("keys", keys)
                .query((rs, row) -> Map.entry(rs.getString("budget_key"), new Bucket(rs.getDouble("tokens"),
                        rs.getObject("refilled_at", OffsetDateTime.class).toInstant(),
                        instantOrNull(rs.getObject("blocked_until", OffsetDateTime.class)),
                        rs.getObject("paused_for_ms") != null ? Duration.ofMillis(rs.getLong("paused_for_ms")) : null)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static BudgetWait waitFor(RateBudget budget, Bucket bucket, Instant now) {
        if (bucket.blockedAt(now)) {
            return new BudgetWait(Duration.between(now, bucket.blockedUntil()), budget, true);
        }
        double missing = 1 - available(budget, bucket, now);
        return missing <= 0 ? null : new BudgetWait(
                Duration.ofMillis((long) Math.ceil(missing / budget.refillPerSecond() * 1000)), budget, false);
    }

    private static double available(RateBudget budget, Bucket bucket, Instant now) {
        double elapsed = Math.max(0, Duration.between(bucket.refilledAt(), now).toMillis() / 1000.0);
        return Math.min(budget.capacity(), bucket.tokens() + elapsed * budget.refillPerSecond());
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Instant instantOrNull(OffsetDateTime value) {
        return value != null ? value.toInstant() : null;
    }
}
