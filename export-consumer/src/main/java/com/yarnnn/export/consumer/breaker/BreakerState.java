package com.yarnnn.export.consumer.breaker;

import java.time.Instant;
import java.util.UUID;

/**
 * One breaker's state as the operators see it.
 *
 * @param name         {@code provider-<id>} or {@code connection-<provider>:<connection id>}
 * @param connectionId null for a provider's breaker
 * @param state        resilience4j's state name: CLOSED, OPEN, HALF_OPEN (or a forced one)
 */
public record BreakerState(String name, String provider, UUID connectionId, String state, Instant changedAt) {
}
