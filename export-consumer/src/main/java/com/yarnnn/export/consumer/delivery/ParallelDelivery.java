package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Delivers the requests of one poll side by side. Requests for the same deliverable and destination form a lane and
 * go one after another in offset order; lanes run in parallel on the provider's delivery threads, so one
 * connection's exports no longer queue behind each other. Once every lane has ended, the first failed request (by
 * offset) goes to the error handler: everything before it is delivered, so its offset is committed, and the rest is
 * read again, where the ledger turns what was already delivered into a re-emitted outcome.
 */
class ParallelDelivery implements BatchMessageListener<String, ExportRequested> {

    private final Consumer<ConsumerRecord<String, ExportRequested>> delivery;
    private final Executor threads;

    ParallelDelivery(Consumer<ConsumerRecord<String, ExportRequested>> delivery, Executor threads) {
        this.delivery = delivery;
        this.threads = threads;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, ExportRequested>> records) {
        RuntimeException[] failures = new RuntimeException[records.size()];
        CompletableFuture.allOf(lanes(records).stream()
                .map(lane -> CompletableFuture.runAsync(() -> deliverInOrder(records, lane, failures), threads))
                .toArray(CompletableFuture[]::new)).join();
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                throw new BatchListenerFailedException("Export request failed", failures[i], i);
            }
        }
    }

    /** A lane stops at its first failure: the requests behind it are read again after it. */
    private void deliverInOrder(List<ConsumerRecord<String, ExportRequested>> records, List<Integer> lane,
            RuntimeException[] failures) {
        for (int i : lane) {
            ConsumerRecord<String, ExportRequested> record = records.get(i);
            try {
                if (record.value() == null) {
                    throw new PoisonRecordException("Unreadable export request " + record.topic() + "-"
                            + record.partition() + "@" + record.offset());
                }
                delivery.accept(record);
            } catch (RuntimeException e) {
                failures[i] = e;
                return;
            }
        }
    }

    /** Indexes of the records by lane, each lane in offset order; an unreadable record is a lane of its own. */
    private static List<List<Integer>> lanes(List<ConsumerRecord<String, ExportRequested>> records) {
        Map<Object, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            lanes.computeIfAbsent(laneOf(records.get(i)), key -> new ArrayList<>()).add(i);
        }
        return List.copyOf(lanes.values());
    }

    /** An export of no deliverable has nothing to keep in order with. */
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
