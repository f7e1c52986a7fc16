package com.yarnnn.export.edge.metrics;

import com.yarnnn.export.schemas.event.ExportRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts the exports api-edge accepted (their row and request committed), by provider and trigger. */
@Component
public class AcceptedExports {

    private final MeterRegistry registry;

    public AcceptedExports(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(ExportRequested request) {
        Counter.builder("yarnnn.export.accepted").description("Exports accepted: their QUEUED row and request committed")
                .tags("provider", request.providerId(), "trigger", request.trigger().name())
                .register(registry).increment();
    }
}
