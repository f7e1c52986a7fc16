package com.yarnnn.export.consumer.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import com.yarnnn.export.consumer.delivery.DeliveryProperties;
import com.yarnnn.export.consumer.delivery.PoisonRecordException;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

class ContinuousDeliveryTest {

    private static final TopicPartition PARTITION = new TopicPartition("export.requested.folder", 0);

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final MockConsumer<String, ExportRequested> consumer = new MockConsumer<>("earliest");
    private final List<ConsumerRecord<String, ExportRequested>> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<ConsumerRecord<?, ?>> deadLettered = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void assign() {
        consumer.assign(List.of(PARTITION));
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void requestsForDifferentDeliverablesAreDeliveredAtTheSameTime() {
        CyclicBarrier allEightAtOnce = new CyclicBarrier(8);
        ContinuousDelivery delivery = delivery(64, record -> {
            try {
                allEightAtOnce.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new PoisonRecordException("The requests were not delivered side by side");
            }
            delivered.add(record);
        });

        delivery.onMessage(IntStream.range(0, 8).mapToObj(i -> record(i, "reports", UUID.randomUUID())).toList(),
                consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 8);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aRequestIsDeliveredWithoutWaitingForTheRequestsOfAnEarlierPoll() {
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(64, heldUntil(release, offset -> offset == 0));

        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID())), consumer);
        delivery.onMessage(List.of(record(1, "reports", UUID.randomUUID())), consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactly(1L);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
    }

    @Test
    void requestsForOneDeliverableAndDestinationGoOneAfterAnotherInOffsetOrderAcrossPolls() {
        UUID deliverable = UUID.randomUUID();
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        List<Long> overlaps = Collections.synchronizedList(new ArrayList<>());
        ContinuousDelivery delivery = delivery(64, record -> {
            AtomicInteger lane = inFlight.computeIfAbsent(record.value().destinationId(), d -> new AtomicInteger());
            if (lane.incrementAndGet() > 1) {
                overlaps.add(record.offset());
            }
            Thread.yield();
            delivered.add(record);
            lane.decrementAndGet();
        });

        for (int poll = 0; poll < 3; poll++) {
            List<ConsumerRecord<String, ExportRequested>> records = new ArrayList<>();
            for (int i = poll * 10; i < poll * 10 + 10; i++) {
                records.add(record(i, i % 2 == 0 ? "reports" : "archive", deliverable));
            }
            delivery.onMessage(records, consumer);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 30);
        assertThat(overlaps).isEmpty();
        assertThat(offsetsTo("reports")).isSorted().hasSize(15);
        assertThat(offsetsTo("archive")).isSorted().hasSize(15);
    }

    @Test
    void offsetsAreCommittedOnlyPastAnUnbrokenRunOfEndedRequests() {
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(64, heldUntil(release, offset -> offset == 1));

        delivery.onMessage(IntStream.range(0, 4).mapToObj(i -> record(i, "reports", UUID.randomUUID())).toList(),
                consumer);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
        delivery.idle(consumer);
        assertThat(committed()).isEqualTo(1);

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 4);
        awaitCommittedWhenIdle(delivery, 4);
    }

    @Test
    void aPartitionIsGivenUpOnlyOnceItsRequestsInHandHaveEndedAndTheirOffsetsAreCommitted() {
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(64, heldUntil(release, offset -> true));
        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID())), consumer);

        assertHeldUntilReleased(release, () -> delivery.onPartitionsRevokedBeforeCommit(consumer, List.of(PARTITION)));

        assertThat(delivered).hasSize(1);
        assertThat(committed()).isEqualTo(1);
    }

    @Test
    void theConsumerWaitsBeforeTakingMoreThanItsCapacity() {
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(2, heldUntil(release, offset -> true));

        assertHeldUntilReleased(release, () -> delivery.onMessage(
                IntStream.range(0, 3).mapToObj(i -> record(i, "reports", UUID.randomUUID())).toList(), consumer));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
    }

    @Test
    void anUnreadableRequestIsDeadLetteredAndTheOthersAreDelivered() {
        ContinuousDelivery delivery = delivery(64, delivered::add);

        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID()),
                new ConsumerRecord<>(PARTITION.topic(), 0, 1, "key", null),
                record(2, "reports", UUID.randomUUID())), consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2 && deadLettered.size() == 1);
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactlyInAnyOrder(0L, 2L);
        assertThat(deadLettered).extracting(ConsumerRecord::offset).containsExactly(1L);
        awaitCommittedWhenIdle(delivery, 3);
    }

    @Test
    void aFailureOfThePipelinesOwnIsTriedAgainInPlaceAndHoldsOnlyItsLane() {
        UUID failing = UUID.randomUUID();
        AtomicInteger outages = new AtomicInteger(1);
        ContinuousDelivery delivery = delivery(64, record -> {
            if (record.offset() == 0 && outages.getAndDecrement() > 0) {
                throw new IllegalStateException("database unreachable");
            }
            delivered.add(record);
        });

        delivery.onMessage(List.of(record(0, "reports", failing), record(1, "reports", failing),
                record(2, "reports", UUID.randomUUID())), consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactly(2L, 0L, 1L);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aRetryNotDueYetHoldsItsPartitionFromItOnWhileOtherPartitionsGoOn() {
        TopicPartition retries = new TopicPartition("export.requested.folder.retry-1", 0);
        TopicPartition other = new TopicPartition("export.requested.folder.retry-1", 1);
        consumer.assign(List.of(retries, other));
        consumer.updateBeginningOffsets(Map.of(retries, 0L, other, 0L));
        ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor();
        DueGate gate = new DueGate(Clock.systemUTC(), resumer);
        gate.bind(new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()),
                new ContainerProperties(retries.topic())));
        ContinuousDelivery delivery = new ContinuousDelivery(retries(delivered::add), gate, threads, 64,
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ZERO);
        Instant now = Instant.now();

        delivery.onMessage(List.of(due(retries, 0, now.minusSeconds(1)), due(retries, 1, now.plusSeconds(60)),
                due(other, 0, now),
                due(retries, 2, now.plusSeconds(61)), due(other, 1, now)), consumer);

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 3);
        assertThat(delivered).extracting(r -> r.partition() + "@" + r.offset())
                .containsExactlyInAnyOrder("0@0", "1@0", "1@1");
        assertThat(consumer.position(retries)).as("sought back to the record not due").isEqualTo(1);
        resumer.shutdownNow();
    }

    private ConsumerRecord<String, ExportRequested> due(TopicPartition partition, long offset, Instant dueAt) {
        ConsumerRecord<String, ExportRequested> record = new ConsumerRecord<>(partition.topic(),
                partition.partition(), offset, "key", record(offset, "reports", UUID.randomUUID()).value());
        record.headers().add(ExportHeaders.DUE_AT,
                String.valueOf(dueAt.toEpochMilli()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return record;
    }

    private ContinuousDelivery delivery(int capacity, Consumer<ConsumerRecord<String, ExportRequested>> delivery) {
        return delivery(capacity, Duration.ofSeconds(10), retries(delivery));
    }

    private ContinuousDelivery delivery(int capacity, Duration slotWait, InPlaceRetries retries) {
        return new ContinuousDelivery(retries, new DueGate(Clock.systemUTC(), null), threads, capacity, slotWait,
                Duration.ofSeconds(10), Duration.ZERO);
    }

    private InPlaceRetries retries(Consumer<ConsumerRecord<String, ExportRequested>> delivery) {
        DeliveryProperties properties = new DeliveryProperties(null, null, null, null, null, null);
        return new InPlaceRetries(delivery, (record, e) -> deadLettered.add(record), properties);
    }

    @Test
    void aBusyConsumerCommitsAtMostOncePerIntervalAndWhatIsLeftWhenIdle() {
        ContinuousDelivery delivery = new ContinuousDelivery(retries(delivered::add),
                new DueGate(Clock.systemUTC(), null), threads, 64, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofHours(1));
        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID())), consumer);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);

        delivery.onMessage(List.of(record(1, "reports", UUID.randomUUID())), consumer);
        assertThat(committed()).as("no commit within the interval").isZero();

        awaitCommittedWhenIdle(delivery, 2);
    }

    @Test
    void aConsumerThatFindsNoFreeSlotInTimeReadsTheRestOfItsPollAgain() {
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(1, Duration.ofMillis(200),
                retries(heldUntil(release, offset -> offset == 0)));

        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID()), record(1, "reports", UUID.randomUUID())),
                consumer);

        assertThat(consumer.position(PARTITION)).isEqualTo(1);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);
        assertThat(delivered).extracting(ConsumerRecord::offset).containsExactly(0L);
    }

    @Test
    void eachConsumerCommitsOnlyWhatItHandedOutEvenWhenAnotherLosesTheSamePartition() {
        MockConsumer<String, ExportRequested> other = new MockConsumer<>("earliest");
        other.assign(List.of(PARTITION));
        CountDownLatch release = new CountDownLatch(1);
        ContinuousDelivery delivery = delivery(64, heldUntil(release, offset -> offset == 0));
        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID())), other);

        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID()), record(1, "reports", UUID.randomUUID())),
                consumer);
        delivery.onPartitionsLost(other, List.of(PARTITION));
        delivery.onMessage(List.of(record(2, "reports", UUID.randomUUID())), consumer);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
        delivery.idle(consumer);

        assertThat(committed()).as("offset 0 is still in hand").isZero();
        release.countDown();
        awaitCommittedWhenIdle(delivery, 3);
    }

    @Test
    void aStopGivesUpAFailingRequestWithoutCommittingPastIt() {
        InPlaceRetries retries = retries(record -> {
            if (record.offset() == 0) {
                throw new IllegalStateException("database unreachable");
            }
            delivered.add(record);
        });
        ContinuousDelivery delivery = delivery(64, Duration.ofSeconds(10), retries);
        delivery.onMessage(List.of(record(0, "reports", UUID.randomUUID()), record(1, "reports", UUID.randomUUID())),
                consumer);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 1);

        retries.stop();
        // the drain would wait 10 s for a request still retried in place; a given-up one ends the wait
        assertTimeout(Duration.ofSeconds(5), () -> delivery.onPartitionsRevokedBeforeCommit(consumer, List.of(PARTITION)));

        assertThat(committed()).isZero();
        assertThat(deadLettered).isEmpty();
    }

    /** The consumer's idle commit reaches the position once the requests before it have ended. */
    private void awaitCommittedWhenIdle(ContinuousDelivery delivery, long position) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            delivery.idle(consumer);
            assertThat(committed()).isEqualTo(position);
        });
    }

    /** Delivers each request, those of the held offsets once the latch is released. */
    private Consumer<ConsumerRecord<String, ExportRequested>> heldUntil(CountDownLatch release, LongPredicate held) {
        return record -> {
            if (held.test(record.offset())) {
                awaitQuietly(release);
            }
            delivered.add(record);
        };
    }

    /** The action does not return while the deliveries are held, and returns once they are released. */
    private static void assertHeldUntilReleased(CountDownLatch release, Runnable action) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(action);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !running.isDone());
        release.countDown();
        running.join();
    }

    private long committed() {
        OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? 0 : committed.offset();
    }

    private List<Long> offsetsTo(String destination) {
        synchronized (delivered) {
            return delivered.stream().filter(r -> r.value().destinationId().equals(destination))
                    .map(ConsumerRecord::offset).toList();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConsumerRecord<String, ExportRequested> record(long offset, String destination, UUID deliverable) {
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "folder", null, destination, deliverable, UUID.randomUUID(),
                "Title", "Body", ExportTrigger.MANUAL, 1, Instant.now());
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, request.partitionKey(), request);
    }
}
