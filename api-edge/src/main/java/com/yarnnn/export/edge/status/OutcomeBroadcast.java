package com.yarnnn.export.edge.status;

import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import tools.jackson.core.JacksonException;

/**
 * Every api-edge instance reads all outcome events, from the newest on, in a consumer group of its own: a client's
 * status stream may be open on any instance. Outcomes are keyed by export id, so only those of an export with an
 * open stream here are parsed. Nothing is committed: a restarted instance starts at the end again, and its streams
 * catch up from the projection.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeBroadcast {

    static final String LISTENER_FACTORY = "outcomeBroadcastFactory";
    static final String GROUP_PREFIX = "export-edge-live.";

    private final StatusStreams streams;

    OutcomeBroadcast(StatusStreams streams) {
        this.streams = streams;
    }

    @Bean(LISTENER_FACTORY)
    static ConcurrentKafkaListenerContainerFactory<String, byte[]> outcomeBroadcastFactory(KafkaProperties kafka,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(EventConsumerFactory.unparsed(properties, customizers));
        factory.setBatchListener(true);
        // never acknowledged, so never committed
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        return factory;
    }

    @KafkaListener(id = "export-edge-live", idIsGroup = false, topics = Topics.OUTCOMES, containerFactory = LISTENER_FACTORY,
            autoStartup = "${yarnnn.status-stream.enabled:true}")
    void onOutcomes(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            watchedExport(record).flatMap(id -> outcome(record)).ifPresent(streams::publish);
        }
    }

    private Optional<UUID> watchedExport(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(record.key())).filter(streams::isWatched);
        } catch (IllegalArgumentException notAnExportId) {
            return Optional.empty();
        }
    }

    /** An unreadable outcome is left to the projection's once-a-second recheck. */
    private static Optional<ExportOutcome> outcome(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(EventJson.mapper().readValue(record.value(), ExportOutcome.class));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
