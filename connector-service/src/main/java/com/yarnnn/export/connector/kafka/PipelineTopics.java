package com.yarnnn.export.connector.kafka;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The pipeline's topics as they are created when missing, with the settings of {@link PipelineKafkaProperties}. */
public final class PipelineTopics {

    private final PipelineKafkaProperties settings;

    public PipelineTopics(PipelineKafkaProperties settings) {
        this.settings = settings;
    }

    /** Outcomes and approvals: every instance's, not one provider's. */
    public NewTopic shared(String name) {
        return topic(name, settings.partitions(), settings.retention());
    }

    /** A topic of events that have given up, kept for {@code dead-letter-retention} so they can be replayed. */
    public NewTopic sharedDeadLetter(String name) {
        return topic(name, settings.partitions(), settings.deadLetterRetention());
    }

    /** A provider's requests or one of its retry steps. */
    public NewTopic ofProvider(String provider, String name) {
        return topic(name, settings.partitionsOf(provider), settings.retention());
    }

    /** A provider's dead letters or parked requests. */
    public NewTopic deadLetterOfProvider(String provider, String name) {
        return topic(name, settings.partitionsOf(provider), settings.deadLetterRetention());
    }

    private NewTopic topic(String name, int partitions, Duration retention) {
        return new NewTopic(name, partitions, settings.replicationFactor()).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(settings.maxMessageBytes()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()),
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
    }
}
