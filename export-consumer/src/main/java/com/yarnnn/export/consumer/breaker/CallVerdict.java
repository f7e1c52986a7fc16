package com.yarnnn.export.consumer.breaker;

import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;

/** What a provider call says about the provider's health, for its circuit breakers. */
public enum CallVerdict {
    /** The vendor answered, even if it refused the export for the user's reason (an unknown channel). */
    ANSWERED,
    /** The vendor or its connector failed: a 5xx, unreachable, a connector that died or did not answer in time. */
    FAILED,
    /** Says nothing of the vendor's health: a rate limit (its budget's business), or a failure of our own. */
    NEUTRAL;

    public static CallVerdict of(RuntimeException failure) {
        if (failure == null) {
            return ANSWERED;
        }
        if (failure instanceof DeliveryException delivery) {
            if (!delivery.retryable()) {
                return ANSWERED;
            }
            return delivery.retryAfter().isPresent() ? NEUTRAL : FAILED;
        }
        return failure instanceof McpCallException ? FAILED : NEUTRAL;
    }
}
