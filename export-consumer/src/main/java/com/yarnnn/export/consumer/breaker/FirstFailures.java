package com.yarnnn.export.consumer.breaker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/** Which connections have already had a failure counted in their provider's breaker within the window. */
final class FirstFailures {

    private final Cache<String, Boolean> counted;

    FirstFailures(Duration window) {
        this.counted = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Whether this is the connection's first failure in the window (and from now on it is counted). */
    boolean first(String connectionKey) {
        return counted.asMap().putIfAbsent(connectionKey, Boolean.TRUE) == null;
    }
}
