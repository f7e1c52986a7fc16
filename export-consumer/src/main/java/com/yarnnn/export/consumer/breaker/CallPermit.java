package com.yarnnn.export.consumer.breaker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Permission, from the provider's breaker and the connection's, for one provider call; settled exactly once: by the
 * call's verdict, or released unused when the export is held back or was handled before.
 */
public final class CallPermit {

    private final Breaker provider;
    private final Breaker connection;
    private final FirstFailures firstFailures;
    private final String connectionKey;
    private final long startedAt = System.nanoTime();
    private final AtomicBoolean settled = new AtomicBoolean();

    CallPermit(Breaker provider, Breaker connection, FirstFailures firstFailures, String connectionKey) {
        this.provider = provider;
        this.connection = connection;
        this.firstFailures = firstFailures;
        this.connectionKey = connectionKey;
    }

    /**
     * Records the call. A connection's failure counts once per window in the provider's breaker, so only failures
     * across many connections open it; while it is half-open, every trial's result counts.
     */
    public void settle(CallVerdict verdict, Throwable failure) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        long elapsed = System.nanoTime() - startedAt;
        switch (verdict) {
            case ANSWERED -> {
                provider.circuitBreaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
                if (connection != null) {
                    connection.circuitBreaker().onSuccess(elapsed, TimeUnit.NANOSECONDS);
                }
            }
            case FAILED -> {
                if (connection == null || provider.halfOpen() || firstFailures.first(connectionKey)) {
                    provider.circuitBreaker().onError(elapsed, TimeUnit.NANOSECONDS, failure);
                } else {
                    provider.circuitBreaker().releasePermission();
                }
                if (connection != null) {
                    connection.circuitBreaker().onError(elapsed, TimeUnit.NANOSECONDS, failure);
                }
            }
            case NEUTRAL -> release();
        }
    }

    /** The call was not made. */
    public void releaseUnused() {
        if (settled.compareAndSet(false, true)) {
            release();
        }
    }

    private void release() {
        provider.circuitBreaker().releasePermission();
        if (connection != null) {
            connection.circuitBreaker().releasePermission();
        }
    }
}
