package com.yarnnn.export.connector.mcp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One key's place in the {@link McpSessionPool}: the server being started or running for it, and how it is used.
 * Every field but the start future is guarded by the pool's lock.
 */
final class PooledSession {

    enum State {
        /** Its server is starting; callers of the key wait for the start. */
        STARTING,
        /** Serving calls. */
        READY,
        /** No longer handed out (replaced or the key closed); stopped once its calls in flight have ended. */
        RETIRED,
        /** Stopped or stopping; its slot is accounted for. */
        GONE
    }

    final McpServerSpec spec;
    final CompletableFuture<McpSession> start = new CompletableFuture<>();
    State state = State.STARTING;
    McpSession session;
    int inFlight;
    long lastUsedNanos = System.nanoTime();
    boolean running;
    ScheduledFuture<?> idleCheck;

    PooledSession(McpServerSpec spec) {
        this.spec = spec;
    }

    /** Whether a call for this spec can use this session (or wait for its start). */
    boolean serves(McpServerSpec wanted) {
        return spec.equals(wanted) && (state == State.STARTING || state == State.READY && session.isAlive());
    }

    boolean isIdle() {
        return state == State.READY && inFlight == 0;
    }

    void enter() {
        inFlight++;
        lastUsedNanos = System.nanoTime();
    }

    void leave() {
        inFlight--;
        lastUsedNanos = System.nanoTime();
    }

    void cancelIdleCheck() {
        if (idleCheck != null) {
            idleCheck.cancel(false);
            idleCheck = null;
        }
    }
}
