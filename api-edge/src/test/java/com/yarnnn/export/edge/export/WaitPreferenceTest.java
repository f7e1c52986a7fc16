package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7240's {@code wait} preference as api-edge reads it. */
class WaitPreferenceTest {

    @Test
    void readsTheWaitAmongOtherPreferencesAndHeaders() {
        assertThat(wait("wait=10")).contains(Duration.ofSeconds(10));
        assertThat(wait("respond-async, WAIT = 5")).contains(Duration.ofSeconds(5));
        assertThat(wait("return=minimal", "wait=\"7\"; unit=s")).contains(Duration.ofSeconds(7));
    }

    @Test
    void capsTheWaitAtThirtySecondsAndSaysSo() {
        Optional<WaitPreference> capped = WaitPreference.of(List.of("wait=120"));

        assertThat(capped.map(WaitPreference::duration)).contains(Duration.ofSeconds(30));
        assertThat(capped.map(WaitPreference::applied)).contains("wait=30");
    }

    @Test
    void ignoresWhatIsNotAPositiveWaitInSeconds() {
        assertThat(wait("wait=0")).isEmpty();
        assertThat(wait("wait=-3")).isEmpty();
        assertThat(wait("wait=soon")).isEmpty();
        assertThat(wait("wait=99999999999")).isEmpty();
        assertThat(wait("wait")).isEmpty();
        assertThat(wait("respond-async")).isEmpty();
    }

    private static Optional<Duration> wait(String... headers) {
        return WaitPreference.of(List.of(headers)).map(WaitPreference::duration);
    }
}
