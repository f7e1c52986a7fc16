package com.yarnnn.export.consumer.budget;

import com.yarnnn.export.connector.provider.RateBudget;
import java.time.Duration;

/**
 * Why an export may not call its provider yet: {@code budget} has no token for {@code duration}, or is {@code paused}
 * because the provider asked to slow down.
 */
public record BudgetWait(Duration duration, RateBudget budget, boolean paused) {
}
