package com.yarnnn.export.edge.mcp;

import com.yarnnn.export.edge.status.ExportStatusView;
import com.yarnnn.export.edge.status.StatusStreams;
import com.yarnnn.export.schemas.event.ExportState;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for an export's end on the live status stream, telling each state it moves through as a progress
 * notification when the caller asked for progress (sent a progress token): first the state it was accepted in, then
 * each later one, a state told once even when the stream's first read finds the export still there.
 */
final class ExportProgress {

    private final StatusStreams streams;

    ExportProgress(StatusStreams streams) {
        this.streams = streams;
    }

    /** @return the export's last state seen: terminal, or where it stood when the wait ran out */
    ExportStatusView await(ExportState accepted, ExportStatusView owned, Duration wait, McpSyncServerExchange exchange,
            Object progressToken) {
        AtomicReference<ExportStatusView> last = new AtomicReference<>(owned);
        AtomicReference<ExportState> told = new AtomicReference<>(accepted);
        AtomicInteger step = new AtomicInteger();
        tell(exchange, progressToken, step.incrementAndGet(), accepted);
        CompletableFuture<ExportStatusView> ended = new CompletableFuture<>();
        try (StatusStreams.Watch watch = streams.watch(owned, view -> {
            last.set(view);
            if (told.getAndSet(view.status()) != view.status()) {
                tell(exchange, progressToken, step.incrementAndGet(), view.status());
            }
            if (view.status().isTerminal()) {
                ended.complete(view);
            }
            return true;
        })) {
            return ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillGoing) {
            return last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last.get();
        } catch (ExecutionException impossible) {
            return last.get();
        }
    }

    private static void tell(McpSyncServerExchange exchange, Object progressToken, int step, ExportState state) {
        if (progressToken != null) {
            exchange.progressNotification(new ProgressNotification(progressToken, step, null, state.name()));
        }
    }
}
