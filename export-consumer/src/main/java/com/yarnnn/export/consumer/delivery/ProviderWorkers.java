package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The listener containers of every registered provider: one on its requested topic (group
 * {@code export-worker.<provider>}), delivering each poll's requests in parallel on the provider's own threads, and
 * one per retry topic (group {@code export-retry.<provider>}), so a slow or broken provider never holds up another,
 * and a request waiting for its retry never holds up fresh ones. Stopping lets every record in hand finish.
 */
public class ProviderWorkers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, ExportRequested>> containers = new ArrayList<>();

    public ProviderWorkers(ProviderRegistry providers, ConsumerFactory<String, ExportRequested> consumers,
            CommonErrorHandler errorHandler, ExportWorker worker, DeliveryProperties properties, Clock clock) {
        for (String id : providers.ids()) {
            ExportProvider provider = providers.require(id);
            ParallelDelivery delivery = new ParallelDelivery(record -> worker.handle(provider, record),
                    deliveryThreads(id, properties.parallelism()));
            ContainerProperties requested = containerProperties(Topics.requested(id), Topics.workerGroup(id), delivery);
            requested.setAckMode(ContainerProperties.AckMode.BATCH);
            Properties batch = new Properties();
            batch.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(properties.batchSize()));
            requested.setKafkaConsumerProperties(batch);
            containers.add(container(consumers, errorHandler, requested, "export-worker-" + id,
                    properties.concurrency()));
            for (int tier = 1; tier <= properties.retryDelays().size(); tier++) {
                ContainerProperties retry = containerProperties(Topics.retry(id, tier), Topics.retryGroup(id),
                        new RetryGate(provider, worker, clock));
                retry.setAckMode(ContainerProperties.AckMode.RECORD);
                containers.add(container(consumers, errorHandler, retry, "export-retry-" + id + "-" + tier, 1));
            }
        }
    }

    private static ContainerProperties containerProperties(String topic, String group, Object listener) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setMessageListener(listener);
        return properties;
    }

    /**
     * Daemon threads that end when idle: a graceful stop still waits for them, because a container stops only
     * once its listener has returned, and the listener returns once its lanes have.
     */
    private static ExecutorService deliveryThreads(String provider, int parallelism) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory("export-" + provider + "-");
        factory.setDaemon(true);
        ThreadPoolExecutor threads = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), factory);
        threads.allowCoreThreadTimeOut(true);
        return threads;
    }

    private static ConcurrentMessageListenerContainer<String, ExportRequested> container(
            ConsumerFactory<String, ExportRequested> consumers, CommonErrorHandler errorHandler,
            ContainerProperties properties, String name, int concurrency) {
        ConcurrentMessageListenerContainer<String, ExportRequested> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(concurrency);
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName(name);
        return container;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        containers.parallelStream().forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
    }
}
