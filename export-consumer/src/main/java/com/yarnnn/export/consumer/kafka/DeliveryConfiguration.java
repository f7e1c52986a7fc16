package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.connector.kafka.DeadLetterPublisher;
import com.yarnnn.export.connector.kafka.EventConsumerFactory;
import com.yarnnn.export.connector.kafka.PipelineTopics;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.consumer.delivery.DeliveryProperties;
import com.yarnnn.export.consumer.delivery.ExportWorker;
import com.yarnnn.export.consumer.delivery.OutcomePublisher;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.IdGenerator;

/** The provider workers: how their records are read, retried from retry topics and dead-lettered. */
@Configuration(proxyBeanMethods = false)
public class DeliveryConfiguration {

    @Bean
    KafkaAdmin.NewTopics retryTopics(ProviderRegistry providers, DeliveryProperties delivery,
            PipelineTopics specifications) {
        List<NewTopic> topics = new ArrayList<>();
        for (String provider : providers.ids()) {
            for (int tier = 1; tier <= delivery.retryDelays().size(); tier++) {
                topics.add(specifications.ofProvider(provider, Topics.retry(provider, tier)));
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
        DeadLetterRecoverer deadLetters = new DeadLetterRecoverer(DeadLetterPublisher.to(kafka, events,
                (record, exception) -> DeadLetterRecoverer.destination(record)), outcomes, clock, ids);
        return new ProviderWorkers(providers, consumers, deadLetteringHandler(deadLetters, properties), deadLetters,
                worker, properties, clock, partitionResumer);
    }

    /**
     * The containers' handler, for what escapes the listener (nothing should: {@link ContinuousDelivery} applies the
     * rules of {@link InPlaceRetries} itself), with the same rules.
     */
    private static CommonErrorHandler deadLetteringHandler(DeadLetterRecoverer deadLetters,
            DeliveryProperties properties) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters);
        InPlaceRetries.DEAD_LETTERED_AT_ONCE.forEach(handler::addNotRetryableExceptions);
        handler.setBackOffFunction((record, exception) -> InPlaceRetries.backOffFor(exception, properties));
        return handler;
    }
}
