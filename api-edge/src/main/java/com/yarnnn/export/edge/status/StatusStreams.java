package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportOutcome;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
public class StatusStreams {

    static final String EVENT_NAME = "status";

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
        Watch watch = watch(owned, view -> send(emitter, view));
        emitter.onCompletion(watch::close);
        emitter.onTimeout(watch::close);
        emitter.onError(error -> watch.close());
        return emitter;
    }

    /**
     * Watches an export the caller was found to own: the listener hears its current state first, then every later
     * one, until a terminal state, until it answers false, until the watch is closed, or for the stream timeout at
     * most.
     */
    public Watch watch(ExportStatusView owned, StatusListener listener) {
        ExportSubscription subscription = new ExportSubscription(owned.exportId(), listener,
                Instant.now().plus(timeout));
        byExport.computeIfAbsent(owned.exportId(), id -> ConcurrentHashMap.newKeySet()).add(subscription);
        // read again now that events are collected: those that arrived meanwhile are applied after it, if later
        subscription.start(statuses.findAll(List.of(owned.exportId())).stream().findFirst().orElse(owned));
        if (subscription.isClosed()) {
            remove(subscription);
        }
        return () -> remove(subscription);
    }

    /** An open watch; closing it twice is harmless. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {

        @Override
        void close();
    }

    boolean isWatched(UUID exportId) {
        return byExport.containsKey(exportId);
    }

    void publish(ExportOutcome outcome) {
        Set<ExportSubscription> subscriptions = byExport.get(outcome.export().exportId());
        if (subscriptions != null) {
            subscriptions.forEach(subscription -> subscription.offer(outcome));
            removeClosed(outcome.export().exportId());
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
            Instant now = Instant.now();
            subscriptions.forEach(subscription -> {
                if (row != null) {
                    subscription.refresh(row);
                }
                subscription.expireAt(now);
            });
            removeClosed(exportId);
        });
    }

    private void removeClosed(UUID exportId) {
        byExport.computeIfPresent(exportId, (id, set) -> {
            set.removeIf(ExportSubscription::isClosed);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends a state as the stream's next event; ends the stream after a terminal state. */
    private static boolean send(SseEmitter emitter, ExportStatusView view) {
        try {
            emitter.send(SseEmitter.event().name(EVENT_NAME).id(view.etag()).data(view));
            if (view.status().isTerminal()) {
                emitter.complete();
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            // the client went away; the emitter's completion callback closes the watch
            return false;
        }
    }

    private void remove(ExportSubscription subscription) {
        subscription.close();
        byExport.computeIfPresent(subscription.exportId(), (id, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }
}
