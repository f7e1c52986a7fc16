package com.yarnnn.export.connector.kafka;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
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
    PipelineTopics topicSpecifications(PipelineKafkaProperties properties) {
        return new PipelineTopics(properties);
    }

    @Bean
    KafkaAdmin.NewTopics pipelineTopics(ProviderRegistry providers, PipelineTopics specifications) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(specifications.shared(Topics.OUTCOMES));
        topics.add(specifications.shared(Topics.APPROVALS));
        topics.add(specifications.sharedDeadLetter(Topics.APPROVALS_DEAD_LETTER));
        for (String provider : providers.ids()) {
            topics.add(specifications.ofProvider(provider, Topics.requested(provider)));
            topics.add(specifications.deadLetterOfProvider(provider, Topics.deadLetter(provider)));
            topics.add(specifications.deadLetterOfProvider(provider, Topics.parked(provider)));
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
}
