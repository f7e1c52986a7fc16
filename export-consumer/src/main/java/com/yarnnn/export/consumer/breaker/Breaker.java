package com.yarnnn.export.consumer.breaker;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A circuit breaker that remembers when its open state ends, so a held-back export can say when it is looked at. */
final class Breaker {

    private final CircuitBreaker breaker;
    private final Clock clock;
    private volatile Instant halfOpensAt = Instant.EPOCH;

    Breaker(CircuitBreaker breaker, Clock clock) {
        this.breaker = breaker;
        this.clock = clock;
        Duration open = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState()
                .apply(1));
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                halfOpensAt = clock.instant().plus(open);
            }
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
}
