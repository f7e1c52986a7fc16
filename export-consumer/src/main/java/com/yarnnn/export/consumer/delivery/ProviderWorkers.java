package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * One listener container per registered provider, each in its own consumer group on its own topic, so a slow
 * or broken provider never holds up another. Stopping lets every record in hand finish.
 */
public class ProviderWorkers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, ExportRequested>> containers = new ArrayList<>();

    public ProviderWorkers(ProviderRegistry providers, ConsumerFactory<String, ExportRequested> consumers,
            CommonErrorHandler errorHandler, ExportWorker worker, DeliveryProperties properties) {
        for (String id : providers.ids()) {
            ExportProvider provider = providers.require(id);
            ContainerProperties container = new ContainerProperties(Topics.requested(id));
            container.setGroupId(Topics.workerGroup(id));
            container.setAckMode(ContainerProperties.AckMode.RECORD);
            container.setDeliveryAttemptHeader(true);
            container.setMessageListener((MessageListener<String, ExportRequested>) record -> worker.handle(provider, record));
            ConcurrentMessageListenerContainer<String, ExportRequested> listener =
                    new ConcurrentMessageListenerContainer<>(consumers, container);
            listener.setConcurrency(properties.concurrency());
            listener.setCommonErrorHandler(errorHandler);
            listener.setBeanName("export-worker-" + id);
            containers.add(listener);
        }
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return containers.stream().anyMatch(ConcurrentMessageListenerContainer::isRunning);
    }

    /** Whether every consumer of every provider has its partitions (tests and readiness wait for this). */
    public boolean allAssigned() {
        return containers.stream().allMatch(c -> c.isRunning() && c.getAssignedPartitions() != null
                && !c.getAssignedPartitions().isEmpty());
    }
}
