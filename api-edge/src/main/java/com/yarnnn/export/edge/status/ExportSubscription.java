package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.event.StatusOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream of one export. It starts from the projection's row; outcome events that arrive before the
 * row was read are held and applied after it, each only if it moves the state forward, so the client sees every
 * state once and in order. The stream ends after a terminal state.
 */
final class ExportSubscription {

    static final String EVENT_NAME = "status";

    private final UUID exportId;
    private final SseEmitter emitter;
    private final List<ExportOutcome> early = new ArrayList<>();
    private ExportStatusView current;
    private boolean closed;

    ExportSubscription(UUID exportId, SseEmitter emitter) {
        this.exportId = exportId;
        this.emitter = emitter;
    }

    UUID exportId() {
        return exportId;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void start(ExportStatusView row) {
        current = row;
        send(row);
        early.forEach(this::apply);
        early.clear();
    }

    synchronized void offer(ExportOutcome outcome) {
        if (current == null) {
            early.add(outcome);
        } else {
            apply(outcome);
        }
    }

    /** A newer row of the projection, for an event this instance did not receive. */
    synchronized void refresh(ExportStatusView row) {
        // the projection moved a terminal row to a later attempt only for a requeue
        if (current != null && StatusOrder.supersedes(position(row), position(current), true)) {
            current = row;
            send(row);
        }
    }

    synchronized void close() {
        closed = true;
    }

    private void apply(ExportOutcome outcome) {
        if (!closed && StatusOrder.supersedes(new StatusOrder.Position(outcome.state(), outcome.attempt(),
                outcome.occurredAt()), position(current), outcome instanceof ExportRequeued)) {
            current = LiveExport.apply(current, outcome);
            send(current);
        }
    }

    private void send(ExportStatusView view) {
        if (closed) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().name(EVENT_NAME).id(view.etag()).data(view));
            if (view.status().isTerminal()) {
                closed = true;
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; the emitter's completion callback removes this subscription
            closed = true;
        }
    }

    private static StatusOrder.Position position(ExportStatusView view) {
        return new StatusOrder.Position(view.status(), view.attempt(), view.updatedAt());
    }
}
