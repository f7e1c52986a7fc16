package com.yarnnn.export.connector.kafka;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/** The pipeline's topics (created when missing), the event serializer of every producer, and its failure log. */
@AutoConfiguration(after = ConnectorAutoConfiguration.class, before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(PipelineKafkaProperties.class)
public class EventKafkaAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(ProviderRegistry providers, PipelineKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(topic(Topics.OUTCOMES, properties));
        topics.add(topic(Topics.APPROVALS, properties));
        topics.add(topic(Topics.APPROVALS_DEAD_LETTER, properties));
        for (String provider : providers.ids()) {
            topics.add(topic(Topics.requested(provider), properties));
            topics.add(topic(Topics.deadLetter(provider), properties));
            topics.add(topic(Topics.parked(provider), properties));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer eventSerializer() {
        return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
                .setValueSerializer(EventSerde.serializer());
    }

    @Bean
    AcknowledgedSender acknowledgedSender(KafkaTemplate<String, Object> kafka, PipelineKafkaProperties properties) {
        return new AcknowledgedSender(kafka, properties);
    }

    /** Logs failed sends without the record: a request carries the deliverable's whole content. */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }

    private static NewTopic topic(String name, PipelineKafkaProperties properties) {
        return new NewTopic(name, properties.partitions(), properties.replicationFactor())
                .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(properties.maxMessageBytes())));
    }
}
