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
        RateBudget channel = budget("channel", 2, Duration.ofSeconds(2));

        assertThat(budgets.acquire(List.of(channel))).isEmpty();
        assertThat(budgets.acquire(List.of(channel))).isEmpty();
        assertThat(budgets.acquire(List.of(channel))).contains(new BudgetWait(Duration.ofSeconds(1), channel, false));

        now.set(now.get().plusMillis(500));
        assertThat(budgets.acquire(List.of(channel))).map(BudgetWait::duration).contains(Duration.ofMillis(500));
        now.set(now.get().plusMillis(500));
        assertThat(budgets.acquire(List.of(channel))).isEmpty();
    }

    @Test
    void tokensAreTakenFromAllBudgetsOrFromNone() {
        RateBudgets budgets = budgets();
        RateBudget channel = budget("channel", 1, Duration.ofSeconds(1));
        RateBudget workspace = budget("workspace", 3, Duration.ofMinutes(1));

        assertThat(budgets.acquire(List.of(channel, workspace))).isEmpty();
        assertThat(budgets.acquire(List.of(channel, workspace))).map(BudgetWait::budget).contains(channel);

        assertThat(budgets.acquire(List.of(workspace))).isEmpty();
        assertThat(budgets.acquire(List.of(workspace))).isEmpty();
        assertThat(budgets.acquire(List.of(workspace))).map(BudgetWait::budget).contains(workspace);
    }

    @Test
    void aPauseHoldsOnlyItsOwnBudgetUntilItEnds() {
        RateBudgets budgets = budgets();
        RateBudget paused = budget("paused", 10, Duration.ofSeconds(1));
        RateBudget workspace = budget("workspace", 100, Duration.ofMinutes(1));
        RateBudget sibling = budget("sibling", 10, Duration.ofSeconds(1));

        assertThat(budgets.pause(List.of(paused, workspace), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));

        assertThat(budgets.acquire(List.of(paused, workspace)))
                .contains(new BudgetWait(Duration.ofSeconds(30), paused, true));
        assertThat(budgets.acquire(List.of(sibling, workspace))).isEmpty();
        now.set(now.get().plusSeconds(30));
        assertThat(budgets.acquire(List.of(paused, workspace))).isEmpty();
    }

    @Test
    void aSlowDownForAProviderWithoutBudgetsPausesNothingAndWaitsWhatWasAsked() {
        assertThat(budgets().pause(List.of(), Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aSecondChannelLimitedWhileAnotherWaitsPausesTheWorkspace() {
        RateBudgets budgets = budgets();
        RateBudget workspace = budget("workspace", 100, Duration.ofMinutes(1));
        RateBudget first = budget("first", 1, Duration.ofSeconds(1));
        RateBudget second = budget("second", 1, Duration.ofSeconds(1));
        RateBudget third = budget("third", 1, Duration.ofSeconds(1));
        RateBudget elsewhere = budget("elsewhere", 1, Duration.ofSeconds(1));
        RateBudget otherWorkspace = budget("other-workspace", 100, Duration.ofMinutes(1));

        budgets.pause(List.of(first, workspace), Duration.ofSeconds(10));
        assertThat(budgets.acquire(List.of(third, workspace))).isEmpty();

        now.set(now.get().plusSeconds(2));
        budgets.pause(List.of(second, workspace), Duration.ofSeconds(10));

        assertThat(budgets.acquire(List.of(third, workspace)))
                .contains(new BudgetWait(Duration.ofSeconds(10), workspace, true));
        assertThat(budgets.acquire(List.of(elsewhere, otherWorkspace))).isEmpty();
    }

    @Test
    void aBudgetLimitedAgainRightAfterItsPauseWaitsTwiceAsLongUpToACeiling() {
        RateBudgets budgets = budgets();
        RateBudget channel = budget("channel", 1, Duration.ofSeconds(1));

        assertThat(budgets.pause(List.of(channel), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        now.set(now.get().plusSeconds(3));
        assertThat(budgets.pause(List.of(channel), Duration.ofSeconds(10)))
                .as("answers arriving during the pause change nothing").isEqualTo(Duration.ofSeconds(7));
        now.set(now.get().plusSeconds(8));
        assertThat(budgets.pause(List.of(channel), Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
            now.set(now.get().plus(budgets.acquire(List.of(channel)).orElseThrow().duration()).plusSeconds(1));
            budgets.pause(List.of(channel), Duration.ofSeconds(10));
        }
        assertThat(budgets.acquire(List.of(channel)).orElseThrow().duration())
                .isEqualTo(RateBudgets.LONGEST_DOUBLED_PAUSE);

        now.set(now.get().plus(RateBudgets.LONGEST_DOUBLED_PAUSE.multipliedBy(3)));
        assertThat(budgets.pause(List.of(channel), Duration.ofSeconds(10)))
                .as("a limit long after the last pause starts over").isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aPacerWaitsOutShortWaitsInPlaceAndHandsBackLongerOnesAndPauses() {
        RateBudgets budgets = new RateBudgets(jdbc, transactions, Clock.systemUTC());
        RateBudget channel = budget("paced", 1, Duration.ofMillis(300));
        RateBudget slow = budget("slow", 1, Duration.ofSeconds(5));
        RateBudget paused = budget("paused", 10, Duration.ofSeconds(1));
        BudgetPacer pacer = new BudgetPacer(budgets, Duration.ofSeconds(1));
        budgets.pause(List.of(paused), Duration.ofSeconds(30));

        assertThat(pacer.take(List.of(channel))).isEmpty();
        long started = System.nanoTime();
        assertThat(pacer.take(List.of(channel))).as("waited for in place").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        assertThat(pacer.take(List.of(slow))).isEmpty();
        assertThat(pacer.take(List.of(slow))).map(BudgetWait::budget).contains(slow);
        assertThat(pacer.take(List.of(paused))).map(BudgetWait::paused).contains(true);
    }

    private RateBudget budget(String name, int capacity, Duration period) {
        return new RateBudget(prefix + name, "this " + name, capacity, period);
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
