package com.yarnnn.export.edge.ops;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Which parked records a list or a batch replay takes: parked in [{@code from}, {@code to}), whose cause or first
 * failure contains {@code cause} (case-insensitive), whose last error has the code {@code errorCode}; each part
 * optional.
 */
record DeadLetterFilter(Instant from, Instant to, String cause, String errorCode) implements Predicate<DeadLetterEntry> {

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_]{1,64}");

    /** Refuses a filter that can select nothing by mistake, with a 400 problem. */
    DeadLetterFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST, "'from' must be before 'to'");
        }
        if (errorCode != null && !ERROR_CODE.matcher(errorCode).matches()) {
            throw new ApiProblemException(HttpStatus.BAD_REQUEST,
                    "'error_code' must be an error code such as rate_limited (lower case letters, digits, _)");
        }
    }

    @Override
    public boolean test(DeadLetterEntry entry) {
        return (from == null || !entry.parkedAt().isBefore(from))
                && (to == null || entry.parkedAt().isBefore(to))
                && (cause == null || contains(entry.cause()) || contains(entry.firstFailure()))
                && (errorCode == null || errorCode.equals(entry.errorCode()));
    }

    private boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT));
    }
}
