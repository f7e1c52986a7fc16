package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * The listener containers of every registered provider: one on its requested topic (group
 * {@code export-worker.<provider>}) and one per retry topic (group {@code export-retry.<provider>}), so a slow or
 * broken provider never holds up another, and a request waiting for its retry never holds up fresh ones.
 * Stopping lets every record in hand finish.
 */
public class ProviderWorkers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, ExportRequested>> containers = new ArrayList<>();

    public ProviderWorkers(ProviderRegistry providers, ConsumerFactory<String, ExportRequested> consumers,
            CommonErrorHandler errorHandler, ExportWorker worker, DeliveryProperties properties, Clock clock) {
        for (String id : providers.ids()) {
            ExportProvider provider = providers.require(id);
            containers.add(container(consumers, errorHandler, Topics.workerGroup(id), "export-worker-" + id,
                    properties.concurrency(), record -> worker.handle(provider, record), Topics.requested(id)));
            for (int tier = 1; tier <= properties.retryDelays().size(); tier++) {
                containers.add(container(consumers, errorHandler, Topics.retryGroup(id),
                        "export-retry-" + id + "-" + tier, 1, new RetryGate(provider, worker, clock),
                        Topics.retry(id, tier)));
            }
        }
    }

    private static ConcurrentMessageListenerContainer<String, ExportRequested> container(
            ConsumerFactory<String, ExportRequested> consumers, CommonErrorHandler errorHandler, String group,
            String name, int concurrency, MessageListener<String, ExportRequested> listener, String topic) {
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(listener);
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
