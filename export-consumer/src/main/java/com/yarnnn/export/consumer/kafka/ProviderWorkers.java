package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.consumer.delivery.DeliveryProperties;
import com.yarnnn.export.consumer.delivery.ExportWorker;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The listener containers of every registered provider: one on its requested topic (group
 * {@code export-worker.<provider>}), delivering requests as they arrive on the provider's own threads, and
 * one per retry topic (group {@code export-retry.<provider>}), delivering each request once it is due, so a slow or
 * broken provider never holds up another, and a request waiting for its retry never holds up fresh ones. Stopping
 * lets every record in hand finish.
 */
public class ProviderWorkers implements SmartLifecycle {

    /** How long a worker's consumer goes without requests before it commits what has ended meanwhile. */
    private static final Duration IDLE_COMMIT = Duration.ofSeconds(1);
    /**
     * The least time between two commits while requests keep coming: one commit per request would cost the broker
     * a write per export; a crash re-reads at most this much more, and the ledger absorbs it.
     */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    /** How long a consumer waits for a free delivery slot; well within max.poll.interval.ms (5 min). */
    private static final Duration SLOT_WAIT = Duration.ofMinutes(1);
    /**
     * How long giving up a partition waits for its requests in hand: longer than an MCP call's 30 s timeout, and
     * short enough for the container's stop to end within the 60 s shutdown phase.
     */
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(50);

    private final List<ConcurrentMessageListenerContainer<String, ExportRequested>> containers = new ArrayList<>();
    private final List<InPlaceRetries> retries = new ArrayList<>();

    public ProviderWorkers(ProviderRegistry providers, ConsumerFactory<String, ExportRequested> consumers,
            CommonErrorHandler errorHandler, ConsumerRecordRecoverer deadLetters, ExportWorker worker,
            DeliveryProperties properties, Clock clock, ScheduledExecutorService resumer) {
        for (String id : providers.ids()) {
            ExportProvider provider = providers.require(id);
            InPlaceRetries retries = new InPlaceRetries(record -> worker.handle(provider, record), deadLetters,
                    properties);
            this.retries.add(retries);
            containers.add(continuous(consumers, errorHandler, retries, new DueGate(clock, resumer),
                    Topics.requested(id), Topics.workerGroup(id), "export-worker-" + id, properties.concurrency(),
                    properties.parallelism(), properties.batchSize()));
            for (int step = 1; step <= properties.retryDelays().size(); step++) {
                // retries of many tenants share a step: delivered in parallel lanes, one tenant's slow calls hold
                // up only its own
                containers.add(continuous(consumers, errorHandler, retries, new DueGate(clock, resumer),
                        Topics.retry(id, step), Topics.retryGroup(id), "export-retry-" + id + "-" + step, 1,
                        retryParallelism(properties), properties.batchSize()));
            }
        }
    }

    /**
     * A container whose consumers hand each due request to its lane at once and commit offsets themselves, once
     * their requests have ended.
     */
    private static ConcurrentMessageListenerContainer<String, ExportRequested> continuous(
            ConsumerFactory<String, ExportRequested> consumers, CommonErrorHandler errorHandler, InPlaceRetries retries,
            DueGate gate, String topic, String group, String name, int concurrency, int parallelism, int batchSize) {
        ContinuousDelivery delivery = new ContinuousDelivery(retries, gate, deliveryThreads(name, parallelism),
                batchSize, SLOT_WAIT, DRAIN_WAIT, COMMIT_INTERVAL);
        ContainerProperties properties = containerProperties(topic, group, delivery);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setConsumerRebalanceListener(delivery);
        properties.setIdleEventInterval(IDLE_COMMIT.toMillis());
        properties.setPollTimeout(IDLE_COMMIT.toMillis());
        properties.setShutdownTimeout(DRAIN_WAIT.plusSeconds(5).toMillis());
        Properties batch = new Properties();
        batch.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(batchSize));
        properties.setKafkaConsumerProperties(batch);
        ConcurrentMessageListenerContainer<String, ExportRequested> container = container(consumers, errorHandler,
                properties, name, concurrency);
        container.setApplicationEventPublisher(event -> {
            if (event instanceof ListenerContainerIdleEvent idle) {
                delivery.idle(idle.getConsumer());
            }
        });
        gate.bind(container);
        return container;
    }

    /** A retry step's share of the delivery threads: retries are few next to fresh requests. */
    private static int retryParallelism(DeliveryProperties properties) {
        return Math.max(2, properties.parallelism() / 4);
    }

    private static ContainerProperties containerProperties(String topic, String group, Object listener) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setMessageListener(listener);
        return properties;
    }

    /**
     * Daemon threads that end when idle: a graceful stop still waits for their requests, because a container
     * gives up its partitions only once their requests in hand have ended.
     */
    private static ExecutorService deliveryThreads(String name, int parallelism) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(name + "-");
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
        retries.forEach(InPlaceRetries::start);
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    /** Requests in hand finish; one failing is left for a re-read rather than retried in place. */
    @Override
    public void stop() {
        retries.forEach(InPlaceRetries::stop);
        containers.parallelStream().forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
    }
}
