package com.yarnnn.export.consumer.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A circuit breaker that remembers when its open state ends, so a held-back export can say when it is looked at, and
 * when its state last changed, for the operators' page.
 */
final class Breaker {

    private final CircuitBreaker breaker;
    private final Clock clock;
    private final String provider;
    private final UUID connectionId;
    private volatile Instant halfOpensAt = Instant.EPOCH;
    private volatile Instant changedAt;

    /** @param connectionId null for a provider's breaker */
    Breaker(CircuitBreaker breaker, Clock clock, String provider, UUID connectionId, Runnable onTransition) {
        this.breaker = breaker;
        this.clock = clock;
        this.provider = provider;
        this.connectionId = connectionId;
        this.changedAt = clock.instant();
        Duration open = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState()
                .apply(1));
        breaker.getEventPublisher().onStateTransition(event -> {
            changedAt = clock.instant();
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                halfOpensAt = changedAt.plus(open);
            }
            onTransition.run();
        });
    }

    CircuitBreaker circuitBreaker() {
        return breaker;
    }

    boolean tryAcquire() {
        return breaker.tryAcquirePermission();
    }

    /** How long until the breaker lets a trial call through: zero once it may (its trial calls may all be out). */
    Duration untilHalfOpen() {
        Duration left = Duration.between(clock.instant(), halfOpensAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    boolean halfOpen() {
        return breaker.getState() == CircuitBreaker.State.HALF_OPEN;
    }

    boolean closed() {
        return breaker.getState() == CircuitBreaker.State.CLOSED;
    }

    BreakerState state() {
        return new BreakerState(breaker.getName(), provider, connectionId, breaker.getState().name(), changedAt);
    }
}
