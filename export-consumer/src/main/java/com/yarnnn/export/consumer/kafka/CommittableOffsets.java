package com.yarnnn.export.consumer.kafka;

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
 * The offsets one consumer handed to delivery and has not committed yet, per partition. Requests end out of offset
 * order; a partition's position advances only past an unbroken run of ended requests, so a crash re-reads every
 * request that had not ended (the ledger turns what was delivered into a re-emitted outcome), and never skips one.
 * A request given up on (a stop came while it was failing) holds the position back until the partition is read
 * again by whoever holds it next.
 */
class CommittableOffsets {

    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private long lastCommitDue = System.nanoTime();

    /** Tracks the request until it settles; the returned handle says how. */
    Handed handedOut(ConsumerRecord<?, ?> record) {
        Partition partition = partitions.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                tp -> new Partition());
        partition.handedOut(record.offset());
        return new Handed(partition, record.offset());
    }

    /** Whether {@code interval} has passed since this last answered true; called on the consumer's thread only. */
    boolean commitDue(Duration interval) {
        long now = System.nanoTime();
        if (now - lastCommitDue < interval.toNanos()) {
            return false;
        }
        lastCommitDue = now;
        return true;
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

    /** Waits until every request handed out from these partitions has settled; false if the wait ran out first. */
    boolean awaitSettled(Collection<TopicPartition> of, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (TopicPartition tp : of) {
            Partition partition = partitions.get(tp);
            if (partition != null && !partition.awaitSettled(deadline)) {
                return false;
            }
        }
        return true;
    }

    void forget(Collection<TopicPartition> of) {
        of.forEach(partitions::remove);
    }

    boolean isEmpty() {
        return partitions.isEmpty();
    }

    /** One request handed out, to be told how it settled. */
    record Handed(Partition partition, long offset) {

        void ended() {
            partition.settle(offset, true);
        }

        void givenUp() {
            partition.settle(offset, false);
        }
    }

    static final class Partition {

        /** Offsets handed out, in order, each mapped to whether it has ended (null while it is still running). */
        private final TreeMap<Long, Boolean> open = new TreeMap<>();
        private int running;
        private long endedThrough = -1;
        private long taken = -1;

        synchronized void handedOut(long offset) {
            open.put(offset, null);
            running++;
        }

        synchronized void settle(long offset, boolean ended) {
            if (!open.containsKey(offset) || open.get(offset) != null) {
                return;
            }
            open.put(offset, ended);
            running--;
            while (!open.isEmpty() && Boolean.TRUE.equals(open.firstEntry().getValue())) {
                endedThrough = open.pollFirstEntry().getKey();
            }
            if (running == 0) {
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

        synchronized boolean awaitSettled(long deadline) throws InterruptedException {
            while (running > 0) {
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
