package com.yarnnn.export.connector.provider;

/**
 * A delivery that did not happen. {@code retryable} says whether trying again can help (a timeout, a server
 * that died) or whether someone must act first (a destination that does not exist, a refused request).
 * The message is shown to the user: it names the problem, never a credential.
 */
public class DeliveryException extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public DeliveryException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
