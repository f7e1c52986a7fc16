package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.kafka.EventSerde;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.IdGenerator;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The provider workers, how their records are read, retried and dead-lettered. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    ProviderWorkers providerWorkers(ProviderRegistry providers, KafkaProperties kafka, ExportWorker worker,
            DeliveryProperties properties, KafkaTemplate<String, Object> events, OutcomePublisher outcomes, Clock clock,
            IdGenerator ids) {
        DefaultKafkaConsumerFactory<String, ExportRequested> consumers = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(), new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventSerde.deserializer(ExportRequested.class)));
        return new ProviderWorkers(providers, consumers, errorHandler(kafka, properties, events, outcomes, clock, ids),
                worker, properties);
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, DeliveryProperties properties,
            KafkaTemplate<String, Object> events, OutcomePublisher outcomes, Clock clock, IdGenerator ids) {
        // an unreadable record is parked as the bytes it arrived as; a parsed one as its event JSON
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer())));
        templates.put(Object.class, events);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(templates,
                (record, exception) -> DeadLetterRecoverer.destination(record));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterRecoverer(deadLetters, outcomes, clock, ids), attemptBackOff(properties));
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        handler.setBackOffFunction((record, exception) ->
                DeadLetterRecoverer.cause(exception, ClaimHeldException.class) != null ? leaseBackOff(properties) : null);
        return handler;
    }

    private static ExponentialBackOff attemptBackOff(DeliveryProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), properties.multiplier());
        backOff.setMaxInterval(properties.maxInterval().toMillis());
        backOff.setMaxAttempts(properties.maxAttempts() - 1);
        return backOff;
    }

    /** Waits out another worker's claim: checks ten times per lease, for up to two leases. */
    private static FixedBackOff leaseBackOff(DeliveryProperties properties) {
        return new FixedBackOff(properties.lease().toMillis() / 10, 20);
    }
}
