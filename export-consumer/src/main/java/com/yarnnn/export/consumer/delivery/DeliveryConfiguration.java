package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.kafka.DeadLetterPublisher;
import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.connector.kafka.PipelineKafkaProperties;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.IdGenerator;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The provider workers: how their records are read, retried from retry topics and dead-lettered. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    KafkaAdmin.NewTopics retryTopics(ProviderRegistry providers, DeliveryProperties delivery,
            PipelineKafkaProperties kafka) {
        List<NewTopic> topics = new ArrayList<>();
        for (String provider : providers.ids()) {
            for (int tier = 1; tier <= delivery.retryDelays().size(); tier++) {
                topics.add(new NewTopic(Topics.retry(provider, tier), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(kafka.maxMessageBytes()))));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService partitionResumer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "retry-partition-resumer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ProviderWorkers providerWorkers(ProviderRegistry providers, KafkaProperties kafka, ExportWorker worker,
            DeliveryProperties properties, KafkaTemplate<String, Object> events, OutcomePublisher outcomes, Clock clock,
            IdGenerator ids, ScheduledExecutorService partitionResumer,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        DefaultKafkaConsumerFactory<String, ExportRequested> consumers = EventConsumerFactory.create(
                kafka.buildConsumerProperties(), ExportRequested.class, customizers);
        CommonDelegatingErrorHandler errorHandler = new CommonDelegatingErrorHandler(
                deadLetteringHandler(kafka, properties, events, outcomes, clock, ids));
        errorHandler.setCauseChainTraversing(true);
        errorHandler.addDelegate(NotDueYetException.class, new PartitionPausingErrorHandler(partitionResumer, clock));
        return new ProviderWorkers(providers, consumers, errorHandler, worker, properties, clock);
    }

    /**
     * Unreadable records and requests whose last attempt failed go to the dead-letter topic at once. Anything else
     * thrown here is the pipeline's own trouble (database or broker unreachable): the record is tried again in place,
     * backing off, and never dead-lettered for it. A claim held by another worker is waited out.
     */
    private static CommonErrorHandler deadLetteringHandler(KafkaProperties kafka, DeliveryProperties properties,
            KafkaTemplate<String, Object> events, OutcomePublisher outcomes, Clock clock, IdGenerator ids) {
        DeadLetterPublishingRecoverer deadLetters = DeadLetterPublisher.to(kafka, events,
                (record, exception) -> DeadLetterRecoverer.destination(record));
        ExponentialBackOff inPlace = new ExponentialBackOff(1_000, 2);
        inPlace.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                new DeadLetterRecoverer(deadLetters, outcomes, clock, ids), inPlace);
        handler.addNotRetryableExceptions(PoisonRecordException.class, AttemptFailedException.class);
        handler.setBackOffFunction((record, exception) ->
                DeadLetterRecoverer.cause(exception, ClaimHeldException.class) != null ? leaseBackOff(properties) : null);
        return handler;
    }

    /** Waits out another worker's claim: checks ten times per lease, for up to two leases. */
    private static FixedBackOff leaseBackOff(DeliveryProperties properties) {
        return new FixedBackOff(properties.lease().toMillis() / 10, 20);
    }
}
