package com.yarnnn.export.connector.provider;

import java.time.Duration;

/**
 * A token bucket one export draws from before its provider is called: {@code capacity} calls at once, refilled
 * at {@code capacity} per {@code period}. The key names what the provider limits (a Slack channel, a Notion
 * connection, a Gmail user); buckets are shared by every consumer instance. {@code scope} says what it limits in
 * words a user reads ("this channel").
 */
public record RateBudget(String key, String scope, int capacity, Duration period) {

    public double refillPerSecond() {
        return capacity / (period.toMillis() / 1000.0);
    }

    /** "1 call a second for this channel". */
    public String describe() {
        return capacity + (capacity == 1 ? " call a " : " calls a ") + unit(period) + " for " + scope;
    }

    private static String unit(Duration period) {
        if (period.equals(Duration.ofSeconds(1))) {
            return "second";
        }
        if (period.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (period.equals(Duration.ofDays(1))) {
            return "day";
        }
        return period.toSeconds() + " s";
    }
}
