package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * Delivers a provider's requests as they arrive, without waiting for the rest of their poll; on a retry topic, each
 * once it is due ({@link DueGate}). Requests for the same
 * deliverable and destination form a lane and go one after another in offset order, across polls; lanes run in
 * parallel on the provider's delivery threads. At most {@code capacity} requests are in hand at once: beyond that
 * the consumer waits before it takes more, and after {@code slotWait} it reads the rest again later instead (so a
 * long outage never keeps it from polling).
 *
 * <p>Each consumer commits its own offsets on its own thread (at a poll once {@code commitInterval} has passed since
 * its last commit, after each idle spell, and before a partition is given up), and only past an unbroken run of
 * ended requests. A partition given up in a rebalance or a stop first
 * waits up to {@code drainWait} for its requests in hand; one still running after that is guarded by its claim.
 */
class ContinuousDelivery implements BatchConsumerAwareMessageListener<String, ExportRequested>,
        ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(ContinuousDelivery.class);

    private final InPlaceRetries retries;
    private final DueGate gate;
    private final Executor threads;
    private final Semaphore inHand;
    private final Duration slotWait;
    private final Duration drainWait;
    private final Duration commitInterval;
    private final Map<Consumer<?, ?>, CommittableOffsets> offsetsByConsumer = new ConcurrentHashMap<>();
    private final Map<Object, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();

    ContinuousDelivery(InPlaceRetries retries, DueGate gate, Executor threads, int capacity, Duration slotWait,
            Duration drainWait, Duration commitInterval) {
        this.retries = retries;
        this.gate = gate;
        this.threads = threads;
        this.inHand = new Semaphore(capacity);
        this.slotWait = slotWait;
        this.drainWait = drainWait;
        this.commitInterval = commitInterval;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, ExportRequested>> records, Consumer<?, ?> consumer) {
        CommittableOffsets offsets = offsetsByConsumer.computeIfAbsent(consumer, c -> new CommittableOffsets());
        Set<TopicPartition> notDue = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ExportRequested> record = records.get(i);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (notDue.contains(partition)) {
                continue;
            }
            try {
                if (!gate.admit(record)) {
                    notDue.add(partition);
                    consumer.seek(partition, record.offset());
                    continue;
                }
                if (!inHand.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("Every delivery slot stayed busy for {}; reading the rest of the poll again", slotWait);
                    seekBack(records.subList(i, records.size()), notDue, consumer);
                    break;
                }
                CommittableOffsets.Handed handed = offsets.handedOut(record);
                try {
                    inLane(laneOf(record), () -> deliver(record, handed));
                } catch (RuntimeException e) {
                    handed.givenUp();
                    inHand.release();
                    throw e;
                }
            } catch (InterruptedException | RuntimeException e) {
                // nothing may reach the container's error handler: it would commit the whole poll
                log.error("Could not hand out export request {}-{}@{}; reading it again", record.topic(),
                        record.partition(), record.offset(), e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                seekBack(records.subList(i, records.size()), notDue, consumer);
                break;
            }
        }
        if (offsets.commitDue(commitInterval)) {
            commit(consumer);
        }
    }

    /** Called on the consumer's thread when no request has come for a while: commits what has ended since. */
    void idle(Consumer<?, ?> consumer) {
        commit(consumer);
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        CommittableOffsets offsets = offsetsByConsumer.get(consumer);
        if (offsets == null) {
            return;
        }
        try {
            if (!offsets.awaitSettled(partitions, drainWait)) {
                log.warn("Giving up {} with requests still in hand; their claims guard them", partitions);
            }
            Map<TopicPartition, OffsetAndMetadata> advanced = offsets.advanced(partitions);
            if (!advanced.isEmpty()) {
                consumer.commitSync(advanced);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            forget(consumer, offsets, partitions);
        }
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        CommittableOffsets offsets = offsetsByConsumer.get(consumer);
        if (offsets != null) {
            forget(consumer, offsets, partitions);
        }
    }

    private void forget(Consumer<?, ?> consumer, CommittableOffsets offsets, Collection<TopicPartition> partitions) {
        offsets.forget(partitions);
        if (offsets.isEmpty()) {
            offsetsByConsumer.remove(consumer, offsets);
        }
    }

    private void deliver(ConsumerRecord<String, ExportRequested> record, CommittableOffsets.Handed handed) {
        boolean ended = false;
        try {
            ended = retries.deliver(record);
        } catch (RuntimeException | Error e) {
            log.error("Export request {}-{}@{} given up; it is read again after a restart or rebalance",
                    record.topic(), record.partition(), record.offset(), e);
        } finally {
            if (ended) {
                handed.ended();
            } else {
                handed.givenUp();
            }
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
        CommittableOffsets offsets = offsetsByConsumer.get(consumer);
        Map<TopicPartition, OffsetAndMetadata> advanced = offsets != null ? offsets.advanced(consumer.assignment())
                : Map.of();
        if (!advanced.isEmpty()) {
            consumer.commitAsync(advanced, (committed, failure) -> {
                if (failure != null) {
                    log.debug("Offset commit {} failed; it is tried again: {}", committed, failure.toString());
                    offsets.notCommitted(committed);
                }
            });
        }
    }

    /** Seeks each partition back to its first record not handed out; a paused one is already at its head. */
    private static void seekBack(List<ConsumerRecord<String, ExportRequested>> notHandedOut,
            Set<TopicPartition> alreadySought, Consumer<?, ?> consumer) {
        notHandedOut.stream()
                .filter(r -> !alreadySought.contains(new TopicPartition(r.topic(), r.partition())))
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
