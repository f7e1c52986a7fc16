package com.yarnnn.export.edge.approval;

import com.yarnnn.export.connector.kafka.DeadLetterPublisher;
import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
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
            KafkaTemplate<String, Object> events, ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, DeliverableApproved> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(EventConsumerFactory.create(properties, DeliverableApproved.class, customizers));
        factory.setCommonErrorHandler(errorHandler(kafka, events));
        // an approval's exports join the trace the approval event carries (its traceparent header, if any)
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, KafkaTemplate<String, Object> events) {
        DeadLetterPublishingRecoverer deadLetters = DeadLetterPublisher.to(kafka, events,
                (record, exception) -> new TopicPartition(Topics.APPROVALS_DEAD_LETTER, -1));
        ExponentialBackOff inPlace = new ExponentialBackOff(500, 2);
        inPlace.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, inPlace);
        handler.addNotRetryableExceptions(InvalidApprovalException.class);
        return handler;
    }
}
