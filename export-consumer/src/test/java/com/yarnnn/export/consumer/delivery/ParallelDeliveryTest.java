package com.yarnnn.export.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

class ParallelDeliveryTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<ConsumerRecord<String, ExportRequested>> delivered = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void requestsForDifferentDeliverablesAreDeliveredAtTheSameTime() {
        CyclicBarrier allEightAtOnce = new CyclicBarrier(8);
        List<ConsumerRecord<String, ExportRequested>> batch = IntStream.range(0, 8)
                .mapToObj(i -> record(i, "reports", UUID.randomUUID())).toList();

        deliver(batch, record -> {
            try {
                allEightAtOnce.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The requests were not delivered side by side", e);
            }
            delivered.add(record);
        });

        assertThat(delivered).hasSize(8);
    }

    @Test
    void requestsForOneDeliverableAndDestinationGoOneAfterAnotherInOffsetOrder() {
        UUID deliverable = UUID.randomUUID();
        List<ConsumerRecord<String, ExportRequested>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(record(i, i % 2 == 0 ? "reports" : "archive", deliverable));
        }
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        List<Integer> overlaps = Collections.synchronizedList(new ArrayList<>());

        deliver(batch, record -> {
            AtomicInteger lane = inFlight.computeIfAbsent(record.value().destinationId(), d -> new AtomicInteger());
            if (lane.incrementAndGet() > 1) {
                overlaps.add((int) record.offset());
            }
            Thread.yield();
            delivered.add(record);
            lane.decrementAndGet();
        });

        assertThat(overlaps).isEmpty();
        assertThat(offsetsTo("reports")).isSorted().hasSize(15);
        assertThat(offsetsTo("archive")).isSorted().hasSize(15);
    }

    @Test
    void theFirstFailureByOffsetIsReportedAndItsLaneStopsWhileTheOthersFinish() {
        UUID failing = UUID.randomUUID();
        List<ConsumerRecord<String, ExportRequested>> batch = List.of(
                record(0, "reports", UUID.randomUUID()),
                record(1, "reports", failing),
                record(2, "reports", UUID.randomUUID()),
                record(3, "reports", failing),
                record(4, "reports", UUID.randomUUID()));
        IllegalStateException outage = new IllegalStateException("database unreachable");

        assertThatThrownBy(() -> deliver(batch, record -> {
            if (record.offset() == 1) {
                throw outage;
            }
            delivered.add(record);
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
            assertThat(e.getIndex()).isEqualTo(1);
            assertThat(e.getCause()).isSameAs(outage);
        });
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactlyInAnyOrder(0L, 2L, 4L);
    }

    @Test
    void anUnreadableRequestIsReportedAsPoisonAndTheOthersAreDelivered() {
        List<ConsumerRecord<String, ExportRequested>> batch = List.of(
                record(0, "reports", UUID.randomUUID()),
                new ConsumerRecord<>("export.requested.folder", 0, 1, "key", null),
                record(2, "reports", UUID.randomUUID()));

        assertThatThrownBy(() -> deliver(batch, delivered::add))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(PoisonRecordException.class);
                });
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactlyInAnyOrder(0L, 2L);
    }

    private void deliver(List<ConsumerRecord<String, ExportRequested>> batch,
            Consumer<ConsumerRecord<String, ExportRequested>> delivery) {
        new ParallelDelivery(delivery, threads).onMessage(batch);
    }

    private List<Long> offsetsTo(String destination) {
        synchronized (delivered) {
            return delivered.stream().filter(r -> r.value().destinationId().equals(destination))
                    .map(ConsumerRecord::offset).toList();
        }
    }

    private static ConsumerRecord<String, ExportRequested> record(long offset, String destination, UUID deliverable) {
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "folder", null, destination, deliverable, UUID.randomUUID(),
                "Title", "Body", ExportTrigger.MANUAL, 1, Instant.now());
        return new ConsumerRecord<>("export.requested.folder", 0, offset, request.partitionKey(), request);
    }
}
