package com.yarnnn.export.edge.mcp;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A tool call's arguments, read with the problem a wrong one answers, in the words of the HTTP API's problems. */
record ToolArguments(Map<String, Object> values) {

    ToolArguments {
        values = values != null ? values : Map.of();
    }

    /** A wrong argument: the tool answers it as a tool error. */
    static final class InvalidArgumentException extends RuntimeException {

        InvalidArgumentException(String message) {
            super(message);
        }
    }

    Optional<String> text(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidArgumentException(name + " must be a string");
        }
        return Optional.of(text);
    }

    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank())
                .orElseThrow(() -> new InvalidArgumentException(name + " is required"));
    }

    Optional<UUID> uuid(String name) {
        return text(name).map(text -> {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notUuid) {
                throw new InvalidArgumentException(name + " must be a UUID");
            }
        });
    }

    UUID requiredUuid(String name) {
        return uuid(name).orElseThrow(() -> new InvalidArgumentException(name + " is required (a UUID)"));
    }

    /** A whole number from {@code min} to {@code max}, or the default when absent. */
    int integer(String name, int min, int max, int absent) {
        Object value = values.get(name);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.intValue() < min || number.intValue() > max) {
            throw new InvalidArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }
}
