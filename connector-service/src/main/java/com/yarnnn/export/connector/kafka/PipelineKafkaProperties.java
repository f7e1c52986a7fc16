package com.yarnnn.export.connector.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pipeline's topics are created when missing.
 *
 * @param partitions        per topic; the upper bound of consumers per provider group
 * @param replicationFactor 1 for the embedded broker, 3 on a real cluster
 * @param maxMessageBytes   the largest record a topic takes; requests carry up to 1 MiB of markdown
 */
@ConfigurationProperties("yarnnn.kafka")
public record PipelineKafkaProperties(Integer partitions, Short replicationFactor, Integer maxMessageBytes) {

    public PipelineKafkaProperties {
        partitions = partitions != null ? partitions : 6;
        replicationFactor = replicationFactor != null ? replicationFactor : 1;
        maxMessageBytes = maxMessageBytes != null ? maxMessageBytes : 4 * 1024 * 1024;
    }
}
