package com.yarnnn.export.consumer.delivery;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets handed to delivery and not yet committed, per partition. Requests end out of offset order; a
 * partition's position advances only past an unbroken run of ended requests, so a crash re-reads every request
 * that had not ended (the ledger turns what was delivered into a re-emitted outcome), and never skips one.
 */
class CommittableOffsets {

    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

    void handedOut(ConsumerRecord<?, ?> record) {
        partitions.computeIfAbsent(partitionOf(record), p -> new Partition()).handedOut(record.offset());
    }

    void ended(ConsumerRecord<?, ?> record) {
        Partition partition = partitions.get(partitionOf(record));
        if (partition != null) {
            partition.ended(record.offset());
        }
    }

    /** The positions of these partitions that moved since they were last taken, and marks them taken. */
    Map<TopicPartition, OffsetAndMetadata> advanced(Collection<TopicPartition> of) {
        Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>();
        for (TopicPartition tp : of) {
            Partition partition = partitions.get(tp);
            long position = partition != null ? partition.takeAdvancedPosition() : -1;
            if (position >= 0) {
                advanced.put(tp, new OffsetAndMetadata(position));
            }
        }
        return advanced;
    }

    /** A commit of these positions failed: the next call of {@link #advanced} offers them again. */
    void notCommitted(Map<TopicPartition, OffsetAndMetadata> positions) {
        positions.keySet().forEach(tp -> {
            Partition partition = partitions.get(tp);
            if (partition != null) {
                partition.untake();
            }
        });
    }

    /** Waits until every request handed out from these partitions has ended; false if the wait ran out first. */
    boolean awaitEnded(Collection<TopicPartition> of, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (TopicPartition tp : of) {
            Partition partition = partitions.get(tp);
            if (partition != null && !partition.awaitEnded(deadline)) {
                return false;
            }
        }
        return true;
    }

    void forget(Collection<TopicPartition> of) {
        of.forEach(partitions::remove);
    }

    private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private static final class Partition {

        /** Offsets handed out, in order, with whether each has ended. */
        private final TreeMap<Long, Boolean> open = new TreeMap<>();
        private long endedThrough = -1;
        private long taken = -1;

        synchronized void handedOut(long offset) {
            open.put(offset, false);
        }

        synchronized void ended(long offset) {
            open.replace(offset, true);
            while (!open.isEmpty() && open.firstEntry().getValue()) {
                endedThrough = open.pollFirstEntry().getKey();
            }
            if (open.isEmpty()) {
                notifyAll();
            }
        }

        synchronized long takeAdvancedPosition() {
            long position = open.isEmpty() ? endedThrough + 1 : open.firstKey();
            if (endedThrough < 0 || position <= taken) {
                return -1;
            }
            taken = position;
            return position;
        }

        synchronized void untake() {
            taken = -1;
        }

        synchronized boolean awaitEnded(long deadline) throws InterruptedException {
            while (!open.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
