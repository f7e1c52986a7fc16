package com.yarnnn.export.connector.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Micrometer metrics of every Kafka consumer and producer (consumer lag among them), in place of Boot's binding.
 * Boot gives each client its own thread that lists the client's metrics again every minute; an instance holds some
 * thirty clients started together, so those threads burst at the same moment each minute and took both cores of a
 * small machine long enough to set the p99 latency (docs/performance.md). Here one shared thread does it every
 * five minutes; the meters themselves still read live values at each scrape.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, KafkaClientMetrics.class})
public class KafkaClientMetricsAutoConfiguration {

    /** How often a client's metric list is read again, to bind metrics that appeared (a partition assigned). */
    static final Duration REFRESH = Duration.ofMinutes(5);

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler kafkaClientMetricsThread() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("kafka-client-metrics-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer kafkaConsumerMetrics(ObjectProvider<MeterRegistry> registry,
            ThreadPoolTaskScheduler kafkaClientMetricsThread) {
        return factory -> registry.ifAvailable(meters ->
                factory.addListener(new ConsumerMetrics<>(meters, kafkaClientMetricsThread)));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer kafkaProducerMetrics(ObjectProvider<MeterRegistry> registry,
            ThreadPoolTaskScheduler kafkaClientMetricsThread) {
        return factory -> registry.ifAvailable(meters ->
                factory.addListener(new ProducerMetrics<>(meters, kafkaClientMetricsThread)));
    }

    private static final class ConsumerMetrics<K, V> extends MicrometerConsumerListener<K, V> {

        ConsumerMetrics(MeterRegistry registry, TaskScheduler thread) {
            super(registry, thread);
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
            return new KafkaClientMetrics(consumer, tags, scheduler, REFRESH);
        }
    }

    private static final class ProducerMetrics<K, V> extends MicrometerProducerListener<K, V> {

        ProducerMetrics(MeterRegistry registry, TaskScheduler thread) {
            super(registry, thread);
        }

        @Override
        protected MeterBinder createClientMetrics(Producer<K, V> producer, List<Tag> tags) {
            return new KafkaClientMetrics(producer, tags, scheduler, REFRESH);
        }
    }
}
