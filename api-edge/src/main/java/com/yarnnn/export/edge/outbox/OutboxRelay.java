package com.yarnnn.export.edge.outbox;

import com.yarnnn.export.connector.failpoint.Failpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox events to Kafka and deletes each once Kafka acknowledged it. Committed events are sent at once, and
 * the caller waits for the acknowledgement up to {@code yarnnn.outbox.ack-wait}: an answer given after it means the
 * request is on its partition, so a request a client sends after that answer, through any instance, comes after it
 * (versions of a deliverable stay in order). The acknowledged ones are deleted in batches every 100 ms. An event
 * still in the table once the producer's delivery timeout has passed was never acknowledged — the broker was
 * down, or an api-edge instance died between commit and send — and the sweep sends it again, under a row lock so
 * that one instance does. A copy on the topic is harmless: consumers key everything by export id and event id.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;
    private static final Duration DELETE_INTERVAL = Duration.ofMillis(100);

    private final KafkaTemplate<String, Object> kafka;
    private final OutboxRepository repository;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Failpoints failpoints;
    /** Beyond this the producer has given up on a send: an event older than it that is still here was not acknowledged. */
    private final Duration deliveryTimeout;
    private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService scheduler;

    OutboxRelay(KafkaTemplate<String, Object> kafka, OutboxRepository repository,
            PlatformTransactionManager transactions, OutboxProperties properties, Failpoints failpoints) {
        this.kafka = kafka;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.failpoints = failpoints;
        this.deliveryTimeout = Duration.ofMillis(deliveryTimeoutMs(kafka));
    }

    /**
     * Sends committed events in order and waits for Kafka's acknowledgements, at most the configured wait (a broker
     * that does not answer leaves them to the sweep); each acknowledged one is deleted soon after.
     */
    void send(List<OutboxEvent> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (OutboxEvent event : events) {
            try {
                sends.add(kafka.send(event.record()).whenComplete((result, failure) -> {
                    if (failure == null) {
                        acknowledged.add(event.id());
                    } else {
                        log.warn("Event {} not acknowledged by Kafka, the outbox sends it again: {}", event.id(),
                                failure.toString());
                    }
                }));
            } catch (RuntimeException e) {
                log.warn("Event {} not sent, the outbox sends it again: {}", event.id(), e.toString());
            }
        }
        awaitAcknowledgements(sends);
    }

    private void awaitAcknowledgements(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.ackWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notAcknowledged) {
            // logged per event above, or still under way: the sweep sends it again
        }
    }

    /** Deletes the events Kafka acknowledged since the last time; kept for the next time when that fails. */
    void deleteAcknowledged() {
        List<UUID> ids = new ArrayList<>();
        for (UUID id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            failpoints.reach("edge-after-publish-ack");
            repository.delete(ids);
        } catch (RuntimeException e) {
            acknowledged.addAll(ids);
            log.warn("Could not delete {} acknowledged outbox event(s) yet: {}", ids.size(), e.toString());
        }
    }

    /**
     * Sends again, and waits for, the events that were not acknowledged within the delivery timeout.
     *
     * @return how many were sent and acknowledged
     */
    int sweep() {
        Integer sent = transaction.execute(tx -> {
            List<OutboxEvent> unsent = repository.lockUnsent(deliveryTimeout.plusSeconds(2),
                    properties.sweepBatch());
            List<CompletableFuture<?>> sends = unsent.stream()
                    .<CompletableFuture<?>>map(event -> kafka.send(event.record()))
                    .toList();
            List<UUID> acked = new ArrayList<>();
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get(deliveryTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
                    acked.add(unsent.get(i).id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    log.warn("Outbox event {} still not acknowledged: {}", unsent.get(i).id(), e.toString());
                }
            }
            if (!acked.isEmpty()) {
                repository.delete(acked);
                log.info("Outbox: sent {} event(s) whose first send was not acknowledged", acked.size());
            }
            return acked.size();
        });
        return sent != null ? sent : 0;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> guarded(this::deleteAcknowledged), DELETE_INTERVAL.toMillis(),
                DELETE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(this::sweep), properties.sweepInterval().toMillis(),
                properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what was acknowledged meanwhile need not be sent again by the next sweep
        guarded(this::deleteAcknowledged);
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Outbox relay: {}", e.toString());
        }
    }

    private static long deliveryTimeoutMs(KafkaTemplate<String, Object> kafka) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return configured != null ? Long.parseLong(configured.toString()) : KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS;
    }
}
