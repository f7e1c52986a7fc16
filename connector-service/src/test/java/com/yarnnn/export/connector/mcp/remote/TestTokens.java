package com.yarnnn.export.connector.mcp.remote;

import com.yarnnn.export.connector.credential.Secret;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** A connection's tokens as a caller keeps them: the current one, and what a refresh gives (counted). */
final class TestTokens implements TokenSource {

    private final UnaryOperator<Secret> refresh;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Secret current;

    private TestTokens(String current, UnaryOperator<Secret> refresh) {
        this.current = Secret.of(current);
        this.refresh = refresh;
    }

    /** A refresh gives {@code renewed}. */
    static TestTokens renewingTo(String current, String renewed) {
        return new TestTokens(current, rejected -> Secret.of(renewed));
    }

    /** A refresh fails as {@code refresh} says (throws). */
    static TestTokens refreshing(String current, UnaryOperator<Secret> refresh) {
        return new TestTokens(current, refresh);
    }

    /** The caller's token changed (it refreshed it itself). */
    void set(String token) {
        current = Secret.of(token);
    }

    int refreshes() {
        return refreshes.get();
    }

    @Override
    public Secret current() {
        return current;
    }

    @Override
    public Secret refreshed(Secret rejected) {
        refreshes.incrementAndGet();
        Secret renewed = refresh.apply(rejected);
        current = renewed;
        return renewed;
    }
}
