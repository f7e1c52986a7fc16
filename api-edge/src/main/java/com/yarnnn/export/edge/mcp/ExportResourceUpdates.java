package com.yarnnn.export.edge.mcp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.yarnnn.export.edge.status.ExportQueries;
import com.yarnnn.export.edge.status.ExportStatusView;
import com.yarnnn.export.edge.status.StatusStreams;
import com.yarnnn.export.schemas.event.ExportState;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the sessions subscribed to an export's resource ({@code resources/subscribe}) each time its status moves.
 * An export is watched from the moment a tool call here made, retried or read it, until it ends; the watch starts
 * off the call's thread, so the answer does not wait for its read. The notification carries only the URI, which the
 * subscriber already had; reading it is checked against the owner.
 */
final class ExportResourceUpdates {

    private final StatusStreams streams;
    private final ExportQueries queries;
    private final Executor executor;
    /** Forgotten after the status streams' longest watch, so an export whose watch expired can be watched again. */
    private final Set<UUID> watched = Collections.newSetFromMap(
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(15)).<UUID, Boolean>build().asMap());
    private volatile McpSyncServer server;

    ExportResourceUpdates(StatusStreams streams, ExportQueries queries, Executor executor) {
        this.streams = streams;
        this.queries = queries;
        this.executor = executor;
    }

    void notifyThrough(McpSyncServer server) {
        this.server = server;
    }

    /** @param known the state the caller was told: a move from it before the watch starts is news too */
    void watch(UUID user, UUID exportId, ExportState known) {
        if (known.isTerminal() || !watched.add(exportId)) {
            return;
        }
        executor.execute(() -> queries.find(user, exportId).ifPresentOrElse(
                owned -> start(owned.exportId(), owned, known), () -> watched.remove(exportId)));
    }

    private void start(UUID exportId, ExportStatusView owned, ExportState known) {
        String uri = ExportResources.uri(exportId);
        AtomicBoolean first = new AtomicBoolean(true);
        streams.watch(owned, view -> {
            boolean moved = !first.getAndSet(false) || view.status() != known;
            if (moved && server != null) {
                server.notifyResourcesUpdated(new ResourcesUpdatedNotification(uri));
            }
            if (view.status().isTerminal()) {
                watched.remove(exportId);
            }
            return true;
        });
    }
}
