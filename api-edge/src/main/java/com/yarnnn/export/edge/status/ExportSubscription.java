package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.event.StatusOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One watcher of one export. It starts from the projection's row; outcome events that arrive before the
 * row was read are held and applied after it, each only if it moves the state forward, so the client sees every
 * state once and in order. The stream ends after a terminal state.
 */
final class ExportSubscription {

    private final UUID exportId;
    private final StatusListener listener;
    private final Instant expiresAt;
    private final List<ExportOutcome> early = new ArrayList<>();
    private ExportStatusView current;
    private boolean closed;

    ExportSubscription(UUID exportId, StatusListener listener, Instant expiresAt) {
        this.exportId = exportId;
        this.listener = listener;
        this.expiresAt = expiresAt;
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

    synchronized void expireAt(Instant now) {
        if (!now.isBefore(expiresAt)) {
            closed = true;
        }
    }

    synchronized void close() {
        closed = true;
    }

    private void apply(ExportOutcome outcome) {
        if (!closed && StatusOrder.supersedes(new StatusOrder.Position(outcome.state(), outcome.attempt(),
                asStored(outcome.occurredAt())), position(current), outcome instanceof ExportRequeued)) {
            current = LiveExport.apply(current, outcome);
            send(current);
        }
    }

    private void send(ExportStatusView view) {
        if (closed) {
            return;
        }
        closed = !listener.onStatus(view) || view.status().isTerminal();
    }

    private static StatusOrder.Position position(ExportStatusView view) {
        return new StatusOrder.Position(view.status(), view.attempt(), asStored(view.updatedAt()));
    }

    /**
     * A time as the projection stores it: PostgreSQL keeps microseconds and the JDBC driver rounds to the nearest
     * one, so the row written from an event may read a nanosecond-precise event's time back a little later; compared
     * unrounded, that row would look like a later move and be sent again.
     */
    private static Instant asStored(Instant time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }
}
