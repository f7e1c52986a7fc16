package com.yarnnn.export.connector.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndDates() {
        assertThat(RetryAfter.parse("3", CLOCK)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 120 ", CLOCK)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Sun, 06 Dec 2026 10:01:30 GMT", CLOCK)).contains(Duration.ofSeconds(90));
    }

    @Test
    void aDateInThePastIsNoWaitAndNonsenseIsNone() {
        assertThat(RetryAfter.parse("Sun, 06 Dec 2026 09:00:00 GMT", CLOCK)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-1", CLOCK)).isEmpty();
        assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
    }
}
