package com.yarnnn.export.consumer.metrics;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The exports' meters, fed by the projector once per logged outcome (so a re-emitted event is not counted twice):
 * outcomes by provider and status, failed attempts by error code, retries, dead-lettered exports, and the accepted →
 * terminal latency.
 */
@Component
public class ExportMetrics {

    /** Retries run for hours: the histogram's buckets reach that far. */
    private static final Duration LONGEST_LATENCY = Duration.ofHours(3);

    private final MeterRegistry registry;

    public ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param acceptedAt when api-edge accepted the export, for a terminal outcome; else null */
    public void logged(ExportOutcome outcome, Instant acceptedAt) {
        String provider = outcome.export().providerId();
        ExportState state = outcome.state();
        Counter.builder("yarnnn.export.outcomes").description("Attempt outcomes of exports")
                .tags("provider", provider, "status", state.name()).register(registry).increment();
        ExportError error = outcome.errorOrNull();
        if (error != null) {
            // codes are the pipeline's and the providers' own constants, so the series stay few
            Counter.builder("yarnnn.export.errors").description("Failed attempts by error code")
                    .tags("provider", provider, "status", state.name(), "error", error.code()).register(registry)
                    .increment();
        }
        if (state == ExportState.RETRYING) {
            Counter.builder("yarnnn.export.retries").description("Attempts that failed and will be retried")
                    .tag("provider", provider).register(registry).increment();
        }
        if (state == ExportState.DEAD_LETTERED) {
            Counter.builder("yarnnn.export.dead_lettered").description("Exports parked on a dead-letter topic")
                    .tag("provider", provider).register(registry).increment();
        }
        if (state.isTerminal() && acceptedAt != null && !outcome.occurredAt().isBefore(acceptedAt)) {
            Timer.builder("yarnnn.export.latency").description("From api-edge accepting an export to its terminal state")
                    .tags("provider", provider, "status", state.name())
                    .publishPercentileHistogram()
                    .maximumExpectedValue(LONGEST_LATENCY)
                    .register(registry)
                    .record(Duration.between(acceptedAt, outcome.occurredAt()));
        }
    }
}
