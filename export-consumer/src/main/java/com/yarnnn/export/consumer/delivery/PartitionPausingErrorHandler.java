package com.yarnnn.export.consumer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Handles a {@link NotDueYetException}: the record and those behind it are sought back, its partition is paused
 * until the record is due, then resumed. The consumer keeps polling its other partitions meanwhile, so a long
 * backoff never holds a thread or another partition.
 */
class PartitionPausingErrorHandler implements CommonErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(PartitionPausingErrorHandler.class);

    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    PartitionPausingErrorHandler(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void handleRemaining(Exception exception, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        NotDueYetException notDue = DeadLetterRecoverer.cause(exception, NotDueYetException.class);
        ConsumerRecord<?, ?> first = records.get(0);
        TopicPartition partition = new TopicPartition(first.topic(), first.partition());
        container.pausePartition(partition);
        records.stream()
                .collect(java.util.stream.Collectors.toMap(r -> new TopicPartition(r.topic(), r.partition()),
                        ConsumerRecord::offset, Math::min))
                .forEach(consumer::seek);
        long wait = Math.max(0, Duration.between(clock.instant(), notDue.dueAt()).toMillis());
        log.debug("Paused {} for {} ms, until its head record is due", partition, wait);
        scheduler.schedule(() -> resume(container, partition), wait, TimeUnit.MILLISECONDS);
        // thrown, not returned: a handler that returns has handled the record, and the container would commit its
        // offset — a rebalance during the pause would then skip the record for good
        throw new KafkaException("Not due yet; " + partition + " paused", KafkaException.Level.DEBUG, exception);
    }

    /**
     * Resumes the partition in every consumer of the container: the concurrent container would pass it only to the
     * consumer that holds it now, and during a rebalance none does — the pause would then outlive the rebalance.
     */
    private static void resume(MessageListenerContainer container, TopicPartition partition) {
        log.debug("Resuming {}", partition);
        if (container instanceof ConcurrentMessageListenerContainer<?, ?> concurrent) {
            concurrent.getContainers().forEach(consumer -> consumer.resumePartition(partition));
        } else {
            container.resumePartition(partition);
        }
    }

    @Override
    public boolean seeksAfterHandling() {
        return true;
    }
}
