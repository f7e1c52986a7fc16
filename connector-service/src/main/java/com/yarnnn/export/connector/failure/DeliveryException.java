package com.yarnnn.export.connector.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * A delivery that did not happen. {@code retryable} says whether trying again can help (a timeout, a server
 * that died) or whether someone must act first (a destination that does not exist, a refused request).
 * The message is shown to the user: it names the problem, never a credential.
 */
public class DeliveryException extends RuntimeException {

    private final String code;
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean connectionLimited;

    public DeliveryException(String code, String message, boolean retryable, Throwable cause) {
        this(code, message, retryable, null, cause);
    }

    /** @param retryAfter how long the provider asked us to wait (HTTP 429 Retry-After, Slack {@code ratelimited}) */
    public DeliveryException(String code, String message, boolean retryable, Duration retryAfter, Throwable cause) {
        this(code, message, retryable, retryAfter, false, cause);
    }

    private DeliveryException(String code, String message, boolean retryable, Duration retryAfter,
            boolean connectionLimited, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.connectionLimited = connectionLimited;
    }

    /**
     * The vendor limits the connection as a whole (a hosted MCP server's HTTP 429 counts the token's calls, whatever
     * the destination): every export through it waits {@code retryAfter}, not only those to the same destination.
     */
    public static DeliveryException connectionRateLimited(String code, String message, Duration retryAfter,
            Throwable cause) {
        return new DeliveryException(code, message, true, retryAfter, true, cause);
    }

    /**
     * Set when the provider rate-limited the call: the export's most specific budget is paused this long, or its
     * connection's when {@link #connectionLimited()}.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the rate limit is the whole connection's rather than the destination's. */
    public boolean connectionLimited() {
        return connectionLimited;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
