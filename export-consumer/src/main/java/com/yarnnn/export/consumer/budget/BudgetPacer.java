package com.yarnnn.export.consumer.budget;

import com.yarnnn.export.connector.provider.RateBudget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Takes a token from each of an export's rate budgets, waiting in place for up to {@code pacingWait} in all (a
 * token freed meanwhile may go to a parallel lane, so the budgets are asked again after each wait). A longer wait,
 * or a paused budget, is the caller's to hold the export back for.
 */
public class BudgetPacer {

    private final RateBudgets budgets;
    private final Duration pacingWait;

    public BudgetPacer(RateBudgets budgets, Duration pacingWait) {
        this.budgets = budgets;
        this.pacingWait = pacingWait;
    }

    /** @return nothing once the tokens are taken, else the wait that holds the export back */
    public Optional<BudgetWait> take(List<RateBudget> needed) {
        Duration waited = Duration.ZERO;
        for (Optional<BudgetWait> wait = budgets.acquire(needed); wait.isPresent(); wait = budgets.acquire(needed)) {
            Duration pause = wait.get().duration();
            if (wait.get().paused() || waited.plus(pause).compareTo(pacingWait) > 0) {
                return wait;
            }
            sleep(pause);
            waited = waited.plus(pause);
        }
        return Optional.empty();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing an export", e);
        }
    }
}
