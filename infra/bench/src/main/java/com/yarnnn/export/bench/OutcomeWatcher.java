package com.yarnnn.export.bench;

import com.yarnnn.export.connector.kafka.EventSerde;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Learns when exports end by reading {@code export.outcomes} (one consumer of its own, from the end), so a closed-loop
 * driver can keep a fixed number of exports in flight end to end without polling the API.
 */
final class OutcomeWatcher implements AutoCloseable {

    private final Map<UUID, CompletableFuture<Void>> awaited = new HashMap<>();
    /** Outcomes read before anyone asked for them. */
    private final Map<UUID, Boolean> ended = new HashMap<>();
    private final KafkaConsumer<String, ExportOutcome> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    OutcomeWatcher(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-watcher-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                EventSerde.deserializer(ExportOutcome.class));
        consumer.subscribe(List.of(Topics.OUTCOMES));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        poller = new Thread(this::poll, "bench-outcome-watcher");
        poller.setDaemon(true);
        poller.start();
    }

    /** Completes when the export's terminal outcome is on the topic (also when it was there already). */
    synchronized CompletableFuture<Void> terminal(UUID exportId) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (ended.remove(exportId) != null) {
            future.complete(null);
        } else {
            awaited.put(exportId, future);
        }
        return future;
    }

    private synchronized void ended(UUID exportId) {
        CompletableFuture<Void> future = awaited.remove(exportId);
        if (future != null) {
            future.complete(null);
        } else {
            ended.put(exportId, true);
        }
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && record.value().state().isTerminal()) {
                        ended(record.value().export().exportId());
                    }
                });
            }
        } catch (WakeupException stopping) {
            // close() woke the poll
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
