package com.yarnnn.export.edge.export;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=10}): how long the caller would wait for an answer,
 * capped at the longest this API waits. As the RFC asks, a preference that cannot be read is ignored, not refused.
 */
record WaitPreference(Duration duration) {

    static final Duration LONGEST = Duration.ofSeconds(30);

    /** @param preferHeaders every {@code Prefer} header's value, each a comma-separated list of preferences */
    static Optional<WaitPreference> of(List<String> preferHeaders) {
        return preferHeaders.stream()
                .flatMap(header -> List.of(header.split(",")).stream())
                .map(preference -> preference.split(";", 2)[0].split("=", 2))
                .filter(pair -> pair.length == 2 && pair[0].strip().toLowerCase(Locale.ROOT).equals("wait"))
                .findFirst()
                .flatMap(pair -> seconds(pair[1]))
                .filter(seconds -> seconds > 0)
                .map(seconds -> new WaitPreference(Duration.ofSeconds(Math.min(seconds, LONGEST.toSeconds()))));
    }

    /** The {@code Preference-Applied} value: the wait this API applied, which may be shorter than asked. */
    String applied() {
        return "wait=" + duration.toSeconds();
    }

    private static Optional<Long> seconds(String value) {
        String digits = value.strip().replace("\"", "");
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
