package com.yarnnn.export.connector.credential;

import java.util.Objects;

/**
 * A credential in memory. It prints as {@code [redacted]}, so it cannot reach a log line, an exception message or
 * a {@code toString()} by accident; {@link #reveal()} is the one deliberate way out.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[redacted]";
    }
}
