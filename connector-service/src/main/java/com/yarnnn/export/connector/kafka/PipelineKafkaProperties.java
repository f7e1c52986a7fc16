package com.yarnnn.export.connector.kafka;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pipeline's topics are created when missing, and how long a send waits for the broker's ack.
 *
 * @param partitions          per topic; the upper bound of consumers per provider group
 * @param providerPartitions  per provider id, instead of {@code partitions} for its request, retry, dead-letter and
 *                            parked topics (a busy provider gets more consumers than a quiet one)
 * @param replicationFactor   1 for the embedded broker, 3 on a real cluster
 * @param minInsyncReplicas   replicas that must have a write before an {@code acks=all} send is acknowledged; by
 *                            default 2 when replicated three times or more (one broker may be down), else 1
 * @param maxMessageBytes     the largest record a topic takes; requests carry up to 1 MiB of markdown
 * @param retention           how long requests, their retry steps, outcomes and approvals are kept
 * @param deadLetterRetention how long dead letters and parked requests are kept: the time an operator has to replay
 * @param publishTimeout      how long {@link AcknowledgedSender} waits for the broker's ack
 */
@ConfigurationProperties("yarnnn.kafka")
public record PipelineKafkaProperties(Integer partitions, Map<String, Integer> providerPartitions,
        Short replicationFactor, Integer minInsyncReplicas, Integer maxMessageBytes, Duration retention,
        Duration deadLetterRetention, Duration publishTimeout) {

    public PipelineKafkaProperties {
        partitions = partitions != null ? partitions : 6;
        providerPartitions = providerPartitions != null ? Map.copyOf(providerPartitions) : Map.of();
        replicationFactor = replicationFactor != null ? replicationFactor : 1;
        minInsyncReplicas = minInsyncReplicas != null ? minInsyncReplicas : replicationFactor >= 3 ? 2 : 1;
        maxMessageBytes = maxMessageBytes != null ? maxMessageBytes : 4 * 1024 * 1024;
        retention = retention != null ? retention : Duration.ofDays(7);
        deadLetterRetention = deadLetterRetention != null ? deadLetterRetention : Duration.ofDays(30);
        publishTimeout = publishTimeout != null ? publishTimeout : Duration.ofSeconds(10);
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("yarnnn.kafka.min-insync-replicas must be between 1 and the replication "
                    + "factor " + replicationFactor + ", not " + minInsyncReplicas);
        }
    }

    /** The defaults: what a deployment gets without any {@code yarnnn.kafka.*} setting. */
    public static PipelineKafkaProperties defaults() {
        return new PipelineKafkaProperties(null, null, null, null, null, null, null, null);
    }

    /** The partitions of a provider's topics. */
    public int partitionsOf(String provider) {
        return providerPartitions.getOrDefault(provider, partitions);
    }
}
