package com.yarnnn.export.edge.approval;

import com.yarnnn.export.connector.kafka.EventSerde;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The approval consumer: from the earliest offset when the group is new, so approvals published before api-edge
 * first ran are not skipped. An approval that cannot be read or used goes to {@link Topics#APPROVALS_DEAD_LETTER};
 * any other failure (broker or database unreachable) is retried in place, backing off, for as long as it takes:
 * an approval is never dropped for the pipeline's own trouble.
 */
@Configuration(proxyBeanMethods = false)
class ApprovalKafkaConfiguration {

    static final String LISTENER_FACTORY = "approvalListenerFactory";

    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DeliverableApproved> approvalListenerFactory(KafkaProperties kafka,
            KafkaTemplate<String, Object> events) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, DeliverableApproved> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventSerde.deserializer(DeliverableApproved.class))));
        factory.setCommonErrorHandler(errorHandler(kafka, events));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, KafkaTemplate<String, Object> events) {
        // an unreadable record is kept as the bytes it arrived as; a parsed one as its event JSON
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer())));
        templates.put(Object.class, events);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> new TopicPartition(Topics.APPROVALS_DEAD_LETTER, -1));
        ExponentialBackOff inPlace = new ExponentialBackOff(500, 2);
        inPlace.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, inPlace);
        handler.addNotRetryableExceptions(InvalidApprovalException.class);
        return handler;
    }
}
