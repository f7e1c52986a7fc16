package com.yarnnn.export.edge.status;

import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * Every api-edge instance reads all outcome events, from the newest on, in a consumer group of its own: a client's
 * status stream may be open on any instance. Nothing is committed that matters; a restarted instance starts at
 * the end again, and its streams catch up from the projection.
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
    static ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> outcomeBroadcastFactory(KafkaProperties kafka,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(EventConsumerFactory.create(properties, ExportOutcome.class, customizers));
        factory.setBatchListener(true);
        return factory;
    }

    @KafkaListener(id = "export-edge-live", idIsGroup = false, topics = Topics.OUTCOMES, containerFactory = LISTENER_FACTORY,
            autoStartup = "${yarnnn.status-stream.enabled:true}")
    void onOutcomes(List<ConsumerRecord<String, ExportOutcome>> records) {
        records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).forEach(streams::publish);
    }
}
