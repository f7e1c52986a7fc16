package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open status streams of this instance. Outcome events reach every instance ({@link OutcomeBroadcast}) and are
 * handed to the streams of their export; once a second the projection is read for every open stream, so a stream
 * also moves on for an event this instance missed (such as one published while its consumer was joining).
 */
@Component
class StatusStreams {

    private final ExportStatusRepository statuses;
    private final Duration timeout;
    private final Map<UUID, Set<ExportSubscription>> byExport = new ConcurrentHashMap<>();

    StatusStreams(ExportStatusRepository statuses, @Value("${yarnnn.status-stream.timeout:10m}") Duration timeout) {
        this.statuses = statuses;
        this.timeout = timeout;
    }

    /** Opens a stream of an export the caller was found to own; the first event is its current state. */
    SseEmitter open(ExportStatusView owned) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        ExportSubscription subscription = new ExportSubscription(owned.exportId(), emitter);
        byExport.computeIfAbsent(owned.exportId(), id -> ConcurrentHashMap.newKeySet()).add(subscription);
        Runnable remove = () -> remove(subscription);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        // read again now that events are collected: those that arrived meanwhile are applied after it, if later
        subscription.start(statuses.findAll(List.of(owned.exportId())).stream().findFirst().orElse(owned));
        if (subscription.isClosed()) {
            remove.run();
        }
        return emitter;
    }

    boolean isWatched(UUID exportId) {
        return byExport.containsKey(exportId);
    }

    void publish(ExportOutcome outcome) {
        Set<ExportSubscription> subscriptions = byExport.get(outcome.export().exportId());
        if (subscriptions != null) {
            subscriptions.forEach(subscription -> subscription.offer(outcome));
        }
    }

    @Scheduled(fixedDelayString = "${yarnnn.status-stream.recheck:1s}")
    void recheck() {
        if (byExport.isEmpty()) {
            return;
        }
        Map<UUID, ExportStatusView> rows = statuses.findAll(List.copyOf(byExport.keySet())).stream()
                .collect(Collectors.toMap(ExportStatusView::exportId, Function.identity()));
        byExport.forEach((exportId, subscriptions) -> {
            ExportStatusView row = rows.get(exportId);
            if (row != null) {
                subscriptions.forEach(subscription -> subscription.refresh(row));
            }
        });
    }

    private void remove(ExportSubscription subscription) {
        subscription.close();
        byExport.computeIfPresent(subscription.exportId(), (id, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }
}
