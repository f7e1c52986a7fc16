package com.yarnnn.export.connector.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pipeline's topics are created when missing, and how long a send waits for the broker's ack.
 *
 * @param partitions        per topic; the upper bound of consumers per provider group
 * @param replicationFactor 1 for the embedded broker, 3 on a real cluster
 * @param maxMessageBytes   the largest record a topic takes; requests carry up to 1 MiB of markdown
 * @param publishTimeout    how long {@link AcknowledgedSender} waits for the broker's ack
 */
@ConfigurationProperties("yarnnn.kafka")
public record PipelineKafkaProperties(Integer partitions, Short replicationFactor, Integer maxMessageBytes,
        Duration publishTimeout) {

    public PipelineKafkaProperties {
        partitions = partitions != null ? partitions : 6;
        replicationFactor = replicationFactor != null ? replicationFactor : 1;
        maxMessageBytes = maxMessageBytes != null ? maxMessageBytes : 4 * 1024 * 1024;
        publishTimeout = publishTimeout != null ? publishTimeout : Duration.ofSeconds(10);
    }
}
