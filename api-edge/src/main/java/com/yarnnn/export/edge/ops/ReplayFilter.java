package com.yarnnn.export.edge.ops;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which dead-lettered records a batch replay takes: parked in [{@code from}, {@code to}) and whose cause or first
 * failure contains {@code cause} (case-insensitive); each part optional.
 */
record ReplayFilter(Instant from, Instant to, String cause) implements Predicate<DeadLetterEntry> {

    @Override
    public boolean test(DeadLetterEntry entry) {
        return (from == null || !entry.parkedAt().isBefore(from))
                && (to == null || entry.parkedAt().isBefore(to))
                && (cause == null || contains(entry.cause()) || contains(entry.firstFailure()));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT));
    }
}
