package com.yarnnn.export.consumer.projection;

import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.schemas.event.ExportOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The projector's consumers: batches of outcome events; an unreadable one arrives as null and is skipped. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    static final String OUTCOME_LISTENER_FACTORY = "outcomeListenerFactory";

    @Bean(OUTCOME_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> outcomeListenerFactory(KafkaProperties kafka,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(EventConsumerFactory.create(kafka.buildConsumerProperties(), ExportOutcome.class,
                customizers));
        factory.setBatchListener(true);
        // folding is idempotent, so offsets go at most every 100 ms rather than one broker write per poll
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
        factory.getContainerProperties().setAckTime(100);
        // each outcome a span of its export's trace (the registry comes from the context)
        factory.getContainerProperties().setObservationEnabled(true);
        factory.getContainerProperties().setRecordObservationsInBatch(true);
        // a failing batch (the database unreachable) is folded again, backing off, for as long as it takes: the
        // default handler would give up after ten tries and skip it, leaving those exports' status behind
        ExponentialBackOff backOff = new ExponentialBackOff(250, 2);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
