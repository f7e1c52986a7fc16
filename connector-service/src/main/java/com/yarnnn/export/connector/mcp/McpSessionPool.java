package com.yarnnn.export.connector.mcp;

import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.mcp.McpPoolMetrics.EvictionReason;
import com.yarnnn.export.connector.mcp.PooledSession.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code max-sessions} server processes, one per spec key, each shared by any number of concurrent calls.
 *
 * <p>A call leases its key's session for its duration. A key without a session takes a free slot, else the slot of
 * the least recently used idle session (stopped first, so the bound holds at every moment); when every session has
 * calls in flight it waits, up to the request timeout, for one to become idle. A session with calls in flight is
 * never stopped by the pool: a replaced one (its spec changed) drains first. Idle sessions are stopped after the
 * idle timeout; a server that exits on its own frees its slot at once.
 *
 * <p>One lock guards the bookkeeping and is never held while a server starts or stops: a key's start runs in the
 * thread of its first caller, later callers of the key wait for that start, and calls to other keys go on.
 * (Caffeine does not fit: its size bound is approximate, evicts by frequency as well as recency, cannot skip
 * entries in use without counting them out of the bound, and cannot make a caller wait for a slot.)
 */
final class McpSessionPool {

    /** A call's hold on a session; closing it ends the call. */
    record Lease(McpSessionPool pool, PooledSession entry, McpSession session) implements AutoCloseable {

        @Override
        public void close() {
            pool.release(entry);
        }
    }

    private final McpProperties properties;
    private final McpPoolMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition sessionFreed = lock.newCondition();
    private final Map<String, PooledSession> byKey = new HashMap<>();
    private final ScheduledThreadPoolExecutor idleChecks;
    /** Processes starting, running or still draining: never above max-sessions. */
    private int slots;

    McpSessionPool(McpProperties properties, McpPoolMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        this.idleChecks = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mcp-idle-sessions");
            thread.setDaemon(true);
            return thread;
        });
        idleChecks.setRemoveOnCancelPolicy(true);
        // the thread ends when no session is pooled
        idleChecks.setKeepAliveTime(30, TimeUnit.SECONDS);
        idleChecks.allowCoreThreadTimeOut(true);
    }

    /** The spec's session for one call, started if needed; waits while the pool is full of busy sessions. */
    Lease acquire(McpServerSpec spec) {
        long waitNanos = properties.requestTimeout().toNanos();
        List<PooledSession> toStop = new ArrayList<>();
        PooledSession entry;
        boolean hit = false;
        boolean mustStart = false;
        lock.lock();
        try {
            while (true) {
                PooledSession current = byKey.get(spec.key());
                if (current != null && current.serves(spec)) {
                    hit = current.state == State.READY;
                    current.enter();
                    entry = current;
                    break;
                }
                boolean slotTaken = current != null && takeOver(current, toStop);
                if (slotTaken || slots < properties.pool().maxSessions()) {
                    if (!slotTaken) {
                        slots++;
                    }
                } else {
                    PooledSession victim = leastRecentlyUsedIdle();
                    if (victim == null) {
                        if (waitNanos <= 0) {
                            throw new McpCallException("server_unavailable", "All "
                                    + properties.pool().maxSessions() + " MCP server sessions stayed busy for "
                                    + properties.requestTimeout().toSeconds() + " s, so '" + spec.name()
                                    + "' could not start (yarnnn.mcp.pool.max-sessions)", null);
                        }
                        waitNanos = sessionFreed.awaitNanos(waitNanos);
                        continue;
                    }
                    stop(victim, EvictionReason.LRU, toStop);
                }
                entry = new PooledSession(spec);
                entry.enter();
                byKey.put(spec.key(), entry);
                mustStart = true;
                break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpCallException("server_unavailable", "Interrupted while waiting for an MCP session", e);
        } finally {
            lock.unlock();
        }
        metrics.acquired(spec.name(), hit);
        toStop.forEach(this::close);
        try {
            McpSession session = mustStart ? start(entry) : awaitStart(entry);
            return new Lease(this, entry, session);
        } catch (RuntimeException e) {
            if (!mustStart) {
                release(entry);
            }
            throw e;
        }
    }

    /** Stops the key's session: now if it is idle, else once its calls in flight have ended. */
    void close(String key) {
        PooledSession stopNow = null;
        lock.lock();
        try {
            PooledSession entry = byKey.remove(key);
            if (entry == null) {
                return;
            }
            entry.cancelIdleCheck();
            if (entry.isIdle()) {
                entry.state = State.GONE;
                stopNow = entry;
            } else if (entry.state != State.GONE) {
                entry.state = State.RETIRED;
            }
        } finally {
            lock.unlock();
        }
        if (stopNow != null) {
            closeAndFreeSlot(stopNow);
        }
    }

    /** Stops every server now, busy or not; one still starting is stopped when its start ends. */
    void closeAll() {
        List<PooledSession> running = new ArrayList<>();
        lock.lock();
        try {
            for (PooledSession entry : byKey.values()) {
                entry.cancelIdleCheck();
                if (entry.state == State.READY) {
                    entry.state = State.GONE;
                    running.add(entry);
                } else if (entry.state == State.STARTING) {
                    entry.state = State.RETIRED;
                }
            }
            byKey.clear();
        } finally {
            lock.unlock();
        }
        running.parallelStream().forEach(this::closeAndFreeSlot);
    }

    List<McpSession> liveSessions() {
        lock.lock();
        try {
            return byKey.values().stream()
                    .filter(e -> e.state == State.READY && e.session.isAlive())
                    .map(e -> e.session)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes way for a new session of the same key. An idle one hands its slot over (stopped before the new one
     * starts); a busy one is retired and drains; a dead one frees its slot.
     *
     * @return whether the new session takes over the old one's slot
     */
    private boolean takeOver(PooledSession current, List<PooledSession> toStop) {
        byKey.remove(current.spec.key());
        current.cancelIdleCheck();
        if (current.state == State.READY && !current.session.isAlive()) {
            exited(current);
            return false;
        }
        metrics.evicted(current.spec.name(), EvictionReason.REPLACED);
        if (current.isIdle()) {
            current.state = State.GONE;
            toStop.add(current);
            return true;
        }
        current.state = State.RETIRED;
        return false;
    }

    private PooledSession leastRecentlyUsedIdle() {
        return byKey.values().stream()
                .filter(PooledSession::isIdle)
                .min(Comparator.comparingLong(e -> e.lastUsedNanos))
                .orElse(null);
    }

    /** Takes an idle session out of the pool; its slot passes to the caller, who stops it. */
    private void stop(PooledSession entry, EvictionReason reason, List<PooledSession> toStop) {
        byKey.remove(entry.spec.key());
        entry.cancelIdleCheck();
        entry.state = State.GONE;
        metrics.evicted(entry.spec.name(), reason);
        toStop.add(entry);
    }

    private McpSession start(PooledSession entry) {
        McpServerSpec spec = entry.spec;
        metrics.starting(spec.name());
        long began = System.nanoTime();
        McpSession session;
        try {
            session = McpSession.start(spec, properties, this::exitedOnItsOwn);
        } catch (RuntimeException e) {
            lock.lock();
            try {
                byKey.remove(spec.key(), entry);
                entry.state = State.GONE;
                freeSlot();
            } finally {
                lock.unlock();
            }
            entry.start.completeExceptionally(e);
            throw e;
        }
        metrics.started(spec.name(), System.nanoTime() - began);
        lock.lock();
        try {
            entry.session = session;
            entry.running = true;
            if (entry.state == State.STARTING) {
                entry.state = State.READY;
                scheduleIdleCheck(entry, properties.pool().idleTimeout().toNanos());
            }
            if (!session.isAlive() && entry.state == State.READY) {
                byKey.remove(spec.key(), entry);
                exited(entry);
            }
        } finally {
            lock.unlock();
        }
        entry.start.complete(session);
        return session;
    }

    private static McpSession awaitStart(PooledSession entry) {
        try {
            return entry.start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void release(PooledSession entry) {
        boolean drained = false;
        lock.lock();
        try {
            entry.leave();
            if (entry.inFlight == 0) {
                if (entry.state == State.RETIRED) {
                    entry.state = State.GONE;
                    drained = true;
                } else {
                    sessionFreed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (drained) {
            closeAndFreeSlot(entry);
        }
    }

    /** The watchdog: a server that died on its own leaves the pool at once, with its slot. */
    private void exitedOnItsOwn(McpSession session) {
        lock.lock();
        try {
            PooledSession entry = byKey.get(session.spec().key());
            if (entry != null && entry.session == session && entry.state == State.READY) {
                byKey.remove(session.spec().key());
                entry.cancelIdleCheck();
                exited(entry);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: a pooled server that is gone without being stopped. */
    private void exited(PooledSession entry) {
        entry.state = State.GONE;
        metrics.evicted(entry.spec.name(), EvictionReason.EXITED);
        stopped(entry);
        freeSlot();
    }

    private void scheduleIdleCheck(PooledSession entry, long delayNanos) {
        entry.idleCheck = idleChecks.schedule(() -> checkIdle(entry), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle(PooledSession entry) {
        long idleTimeout = properties.pool().idleTimeout().toNanos();
        lock.lock();
        try {
            if (entry.state != State.READY) {
                return;
            }
            long idleFor = System.nanoTime() - entry.lastUsedNanos;
            if (entry.inFlight > 0 || idleFor < idleTimeout) {
                scheduleIdleCheck(entry, entry.inFlight > 0 ? idleTimeout : idleTimeout - idleFor);
                return;
            }
            byKey.remove(entry.spec.key());
            entry.state = State.GONE;
            metrics.evicted(entry.spec.name(), EvictionReason.IDLE);
        } finally {
            lock.unlock();
        }
        closeAndFreeSlot(entry);
    }

    /** Stops the server; its slot stays taken (the caller's new session has it). */
    private void close(PooledSession entry) {
        if (entry.session != null) {
            entry.session.close();
        }
        lock.lock();
        try {
            stopped(entry);
        } finally {
            lock.unlock();
        }
    }

    private void closeAndFreeSlot(PooledSession entry) {
        close(entry);
        lock.lock();
        try {
            freeSlot();
        } finally {
            lock.unlock();
        }
    }

    private void stopped(PooledSession entry) {
        if (entry.running) {
            entry.running = false;
            metrics.stopped(entry.spec.name());
        }
    }

    private void freeSlot() {
        slots--;
        sessionFreed.signalAll();
    }

    /** For tests and the bench: processes starting, running or draining. */
    int slotsInUse() {
        lock.lock();
        try {
            return slots;
        } finally {
            lock.unlock();
        }
    }
}
