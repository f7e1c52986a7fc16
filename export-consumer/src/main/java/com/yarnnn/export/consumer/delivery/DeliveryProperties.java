package com.yarnnn.export.consumer.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryDelays how long a request waits after each failed attempt, one retry topic per step; after the
 *                    last step it is dead-lettered (so attempts = steps + 1). Every request on a step's topic waits
 *                    exactly its delay, so the one at the head of a partition is always the first due and none
 *                    waits behind a later one; a burst of retries is spread by the rate budgets and the retry
 *                    consumer instead
 * @param lease       how long a claim protects an export from a second worker; longer than any delivery
 * @param concurrency consumers per provider in this instance (at most the topic's partitions)
 * @param parallelism delivery threads per provider in this instance, shared by its consumers: how many requests
 *                    (for different deliverables or destinations) are delivered at once
 * @param batchSize   the most requests one consumer takes per poll, and the most a provider has in hand at once
 * @param pacingWait  the longest a worker waits in place for a rate budget; a longer wait moves the export to a
 *                    retry topic, due when the budget allows, without counting an attempt
 */
@ConfigurationProperties("yarnnn.delivery")
public record DeliveryProperties(List<Duration> retryDelays, Duration lease, Integer concurrency,
        Integer parallelism, Integer batchSize, Duration pacingWait) {

    public DeliveryProperties {
        retryDelays = retryDelays != null && !retryDelays.isEmpty() ? List.copyOf(retryDelays) : List.of(
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofHours(1));
        lease = lease != null ? lease : Duration.ofMinutes(2);
        concurrency = concurrency != null ? concurrency : 2;
        parallelism = parallelism != null ? parallelism : 16;
        batchSize = batchSize != null ? batchSize : 64;
        pacingWait = pacingWait != null ? pacingWait : Duration.ofSeconds(1);
    }

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }

    /** The retry step whose wait is the shortest at least {@code wait} long (the last one if none is). */
    public int stepFor(Duration wait) {
        for (int step = 1; step <= retryDelays.size(); step++) {
            if (retryDelays.get(step - 1).compareTo(wait) >= 0) {
                return step;
            }
        }
        return retryDelays.size();
    }

    /** The wait of retry step {@code step} (1-based). */
    public Duration delay(int step) {
        return retryDelays.get(step - 1);
    }
}
