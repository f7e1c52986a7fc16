package com.yarnnn.export.edge.mcp;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.yarnnn.export.edge.status.ExportStatusView;
import com.yarnnn.export.edge.status.StatusStreams;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the sessions subscribed to an export's resource ({@code resources/subscribe}) each time its status moves.
 * An export is watched from the moment a tool call here made, retried or read it, until it ends. The notification
 * carries only the URI, which the subscriber already had; reading it is checked against the owner.
 */
final class ExportResourceUpdates {

    private final StatusStreams streams;
    /** Forgotten after the status streams' longest watch, so an export whose watch expired can be watched again. */
    private final Set<UUID> watched = Collections.newSetFromMap(
            Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(15)).<UUID, Boolean>build().asMap());
    private volatile McpSyncServer server;

    ExportResourceUpdates(StatusStreams streams) {
        this.streams = streams;
    }

    void notifyThrough(McpSyncServer server) {
        this.server = server;
    }

    void watch(ExportStatusView owned) {
        if (owned.status().isTerminal() || !watched.add(owned.exportId())) {
            return;
        }
        String uri = ExportResources.uri(owned.exportId());
        AtomicBoolean first = new AtomicBoolean(true);
        streams.watch(owned, view -> {
            // the first state told is the export's now: news only if it moved since the caller read it
            boolean moved = !first.getAndSet(false)
                    || view.status() != owned.status() || view.attempt() != owned.attempt();
            if (moved && server != null) {
                server.notifyResourcesUpdated(new ResourcesUpdatedNotification(uri));
            }
            if (view.status().isTerminal()) {
                watched.remove(owned.exportId());
            }
            return true;
        });
    }
}
