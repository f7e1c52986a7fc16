package com.yarnnn.export.connector.provider;

import java.time.Duration;

/**
 * A token bucket one export draws from before its provider is called: {@code capacity} calls at once, refilled
 * at {@code capacity} per {@code period}. The key names what the provider limits (a Slack channel, a Notion
 * connection, a Gmail user); buckets are shared by every consumer instance.
 */
public record RateBudget(String key, int capacity, Duration period) {

    public double refillPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }
}
