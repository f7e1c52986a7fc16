package com.yarnnn.export.connector.mcp.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An HTTP {@code Retry-After} value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait it asks for from now; a date in the past is no wait; an unreadable value is none. */
    static Optional<Duration> parse(String value, Clock clock) {
        String text = value.trim();
        if (text.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
