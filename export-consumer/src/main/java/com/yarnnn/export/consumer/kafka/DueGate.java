package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.consumer.delivery.RetryScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Lets a request through once it is due (a retry topic's record carries its due time; a fresh request is due at
 * once). A record not due yet pauses its partition until it is: every record behind it on a retry step's topic is
 * due later, since each step waits exactly its delay. The consumer keeps reading its other partitions meanwhile.
 */
final class DueGate {

    private static final Logger log = LoggerFactory.getLogger(DueGate.class);

    private final Clock clock;
    private final ScheduledExecutorService resumer;
    private volatile ConcurrentMessageListenerContainer<?, ?> container;

    DueGate(Clock clock, ScheduledExecutorService resumer) {
        this.clock = clock;
        this.resumer = resumer;
    }

    void bind(ConcurrentMessageListenerContainer<?, ?> container) {
        this.container = container;
    }

    /** Whether the record is due; if not, its partition is paused until it is (the caller seeks back to it). */
    boolean admit(ConsumerRecord<?, ?> record) {
        Instant due = RetryScheduler.dueAt(record);
        Instant now = clock.instant();
        if (!now.isBefore(due)) {
            return true;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        container.pausePartition(partition);
        long wait = Duration.between(now, due).toMillis();
        log.debug("Paused {} for {} ms, until its head record is due", partition, wait);
        resumer.schedule(() -> resume(partition), wait, TimeUnit.MILLISECONDS);
        return false;
    }

    /**
     * Resumes the partition in every consumer of the container: the concurrent container would pass it only to the
     * consumer that holds it now, and during a rebalance none does — the pause would then outlive the rebalance.
     */
    private void resume(TopicPartition partition) {
        log.debug("Resuming {}", partition);
        container.getContainers().forEach(consumer -> consumer.resumePartition(partition));
    }
}
