package com.yarnnn.export.consumer.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAttempts     deliveries of one request before it is dead-lettered
 * @param initialInterval the wait after the first failed attempt; each further wait is {@code multiplier} times
 *                        longer, up to {@code maxInterval}
 * @param lease           how long a claim protects an export from a second worker; longer than any delivery
 * @param concurrency     consumers per provider in this instance (at most the topic's partitions)
 */
@ConfigurationProperties("yarnnn.delivery")
public record DeliveryProperties(Integer maxAttempts, Duration initialInterval, Double multiplier,
        Duration maxInterval, Duration lease, Integer concurrency) {

    public DeliveryProperties {
        maxAttempts = maxAttempts != null ? maxAttempts : 3;
        initialInterval = initialInterval != null ? initialInterval : Duration.ofSeconds(1);
        multiplier = multiplier != null ? multiplier : 4.0;
        maxInterval = maxInterval != null ? maxInterval : Duration.ofSeconds(30);
        lease = lease != null ? lease : Duration.ofMinutes(2);
        concurrency = concurrency != null ? concurrency : 2;
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxInterval.toMillis()));
    }
}
