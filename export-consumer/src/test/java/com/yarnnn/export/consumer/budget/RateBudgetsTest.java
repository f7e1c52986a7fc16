package com.yarnnn.export.consumer.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

/** The token buckets on the real PostgreSQL, with a clock the test moves. */
@SpringBootTest(properties = "yarnnn.providers.folder.root=target/budget-test-exports")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class RateBudgetsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T12:00:00Z"));
    private final String prefix = UUID.randomUUID() + ":";

    @Test
    void aBudgetAllowsItsCapacityThenTellsHowLongToWait() {
        RateBudgets budgets = budgets();
        RateBudget channel = new RateBudget(prefix + "channel", 2, Duration.ofSeconds(2));

        assertThat(budgets.acquire(List.of(channel))).isZero();
        assertThat(budgets.acquire(List.of(channel))).isZero();
        assertThat(budgets.acquire(List.of(channel))).isEqualTo(Duration.ofSeconds(1));

        now.set(now.get().plusMillis(500));
        assertThat(budgets.acquire(List.of(channel))).isEqualTo(Duration.ofMillis(500));
        now.set(now.get().plusMillis(500));
        assertThat(budgets.acquire(List.of(channel))).isZero();
    }

    @Test
    void tokensAreTakenFromAllBudgetsOrFromNone() {
        RateBudgets budgets = budgets();
        RateBudget channel = new RateBudget(prefix + "channel", 1, Duration.ofSeconds(1));
        RateBudget workspace = new RateBudget(prefix + "workspace", 3, Duration.ofMinutes(1));

        assertThat(budgets.acquire(List.of(channel, workspace))).isZero();
        assertThat(budgets.acquire(List.of(channel, workspace))).isPositive();

        assertThat(budgets.acquire(List.of(workspace))).isZero();
        assertThat(budgets.acquire(List.of(workspace))).isZero();
        assertThat(budgets.acquire(List.of(workspace))).isPositive();
    }

    @Test
    void aPauseHoldsItsBudgetOnlyUntilItEnds() {
        RateBudgets budgets = budgets();
        RateBudget paused = new RateBudget(prefix + "paused", 10, Duration.ofSeconds(1));
        RateBudget other = new RateBudget(prefix + "other", 10, Duration.ofSeconds(1));

        budgets.pause(paused, Duration.ofSeconds(30));

        assertThat(budgets.acquire(List.of(paused))).isEqualTo(Duration.ofSeconds(30));
        assertThat(budgets.acquire(List.of(other))).isZero();
        now.set(now.get().plusSeconds(30));
        assertThat(budgets.acquire(List.of(paused))).isZero();
    }

    private RateBudgets budgets() {
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        return new RateBudgets(jdbc, transactions, clock);
    }
}
