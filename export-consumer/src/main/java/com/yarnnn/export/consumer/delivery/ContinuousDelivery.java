package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Delivers a provider's requests as they arrive, without waiting for the rest of their poll. Requests for the same
 * deliverable and destination form a lane and go one after another in offset order, across polls; lanes run in
 * parallel on the provider's delivery threads. At most {@code capacity} requests are in hand at once: beyond that
 * the consumer waits before it takes more.
 *
 * <p>Offsets are committed on the consumer's own thread (each poll, each idle spell, and before a partition is
 * given up), and only past an unbroken run of ended requests. A partition given up in a rebalance or a stop first
 * waits for its requests in hand, up to a lease; one still running after that is guarded by its claim.
 */
class ContinuousDelivery implements BatchConsumerAwareMessageListener<String, ExportRequested>,
        ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(ContinuousDelivery.class);

    private final InPlaceRetries retries;
    private final Executor threads;
    private final Semaphore inHand;
    private final Duration drainWait;
    private final CommittableOffsets offsets = new CommittableOffsets();
    private final Map<Object, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();

    ContinuousDelivery(InPlaceRetries retries, Executor threads, int capacity, Duration drainWait) {
        this.retries = retries;
        this.threads = threads;
        this.inHand = new Semaphore(capacity);
        this.drainWait = drainWait;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, ExportRequested>> records, Consumer<?, ?> consumer) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ExportRequested> record = records.get(i);
            try {
                inHand.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seekBack(records.subList(i, records.size()), consumer);
                return;
            }
            offsets.handedOut(record);
            inLane(laneOf(record), () -> deliver(record));
        }
        commit(consumer);
    }

    /** Called on the consumer's thread when no request has come for a while: commits what has ended since. */
    void idle(Consumer<?, ?> consumer) {
        commit(consumer);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        try {
            if (!offsets.awaitEnded(partitions, drainWait)) {
                log.warn("Giving up {} with requests still in hand; their claims guard them", partitions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<TopicPartition, OffsetAndMetadata> advanced = offsets.advanced(partitions);
        if (!advanced.isEmpty()) {
            consumer.commitSync(advanced);
        }
        offsets.forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
    }

    private void deliver(ConsumerRecord<String, ExportRequested> record) {
        try {
            if (retries.deliver(record)) {
                offsets.ended(record);
            }
        } catch (RuntimeException | Error e) {
            log.error("Export request {}-{}@{} left for a re-read", record.topic(), record.partition(),
                    record.offset(), e);
        } finally {
            inHand.release();
        }
    }

    /** Runs the task after the lane's previous one (which never completes exceptionally: deliver catches all). */
    private void inLane(Object lane, Runnable task) {
        CompletableFuture<Void> tail = lanes.compute(lane, (key, previous) -> previous == null
                ? CompletableFuture.runAsync(task, threads)
                : previous.thenRunAsync(task, threads));
        tail.whenComplete((ignored, failure) -> lanes.remove(lane, tail));
    }

    private void commit(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> advanced = offsets.advanced(consumer.assignment());
        if (!advanced.isEmpty()) {
            consumer.commitAsync(advanced, (committed, failure) -> {
                if (failure != null) {
                    log.debug("Offset commit {} failed; it is tried again: {}", committed, failure.toString());
                    offsets.notCommitted(committed);
                }
            });
        }
    }

    private void seekBack(List<ConsumerRecord<String, ExportRequested>> notHandedOut, Consumer<?, ?> consumer) {
        notHandedOut.stream()
                .collect(Collectors.toMap(r -> new TopicPartition(r.topic(), r.partition()),
                        ConsumerRecord::offset, Math::min))
                .forEach(consumer::seek);
    }

    /** An export of no deliverable has nothing to keep in order with; an unreadable record is a lane of its own. */
    private static Object laneOf(ConsumerRecord<String, ExportRequested> record) {
        ExportRequested request = record.value();
        if (request == null) {
            return record;
        }
        return request.deliverableId() != null
                ? new Ordered(request.destinationId(), request.deliverableId())
                : request.exportId();
    }

    private record Ordered(String destinationId, UUID deliverableId) {
    }
}
