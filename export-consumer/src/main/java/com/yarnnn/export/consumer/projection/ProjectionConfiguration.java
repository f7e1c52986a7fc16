package com.yarnnn.export.consumer.projection;

import com.yarnnn.export.connector.kafka.EventSerde;
import com.yarnnn.export.schemas.event.ExportOutcome;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/** The projector's consumers: batches of outcome events; an unreadable one arrives as null and is skipped. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    static final String OUTCOME_LISTENER_FACTORY = "outcomeListenerFactory";

    @Bean(OUTCOME_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> outcomeListenerFactory(KafkaProperties kafka,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        ConcurrentKafkaListenerContainerFactory<String, ExportOutcome> factory = new ConcurrentKafkaListenerContainerFactory<>();
        DefaultKafkaConsumerFactory<String, ExportOutcome> consumers = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventSerde.deserializer(ExportOutcome.class)));
        // Boot's customizers bind the consumers' metrics (lag) to Micrometer
        customizers.orderedStream().forEach(customizer -> customizer.customize(consumers));
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        return factory;
    }
}
