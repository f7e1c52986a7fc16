package com.yarnnn.export.edge.mcp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Each user's budget of tool calls per minute; an assistant in a loop spends its own, not its neighbours'. */
@Component
class ToolCallBudget {

    private final LoadingCache<UUID, AtomicRateLimiter> limiters;

    ToolCallBudget(McpProperties properties) {
        RateLimiterConfig perMinute = RateLimiterConfig.custom()
                .limitForPeriod(properties.callsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .build(user -> new AtomicRateLimiter("mcp-" + user, perMinute));
    }

    /** @return empty when the call may go ahead, else how long until the budget has room again */
    Optional<Duration> spend(UUID user) {
        AtomicRateLimiter limiter = limiters.get(user);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(limiter.getDetailedMetrics().getNanosToWait(), 0)));
    }
}
