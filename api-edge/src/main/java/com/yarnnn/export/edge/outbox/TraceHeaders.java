package com.yarnnn.export.edge.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the current trace (the HTTP request's, or the approval event's) into an event's headers as the configured
 * propagation produces it (W3C {@code traceparent} by default). The outbox stores the headers with the event, so the
 * relay sends it in the trace it was made in, whenever and by whichever instance it is sent; the worker continues it.
 */
@Component
class TraceHeaders {

    private final Tracer tracer;
    private final Propagator propagator;

    TraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    void addCurrentTrace(ProducerRecord<String, Object> record) {
        Span span = tracer.currentSpan();
        if (span == null) {
            return;
        }
        propagator.inject(span.context(), record, (carrier, key, value) -> {
            carrier.headers().remove(key);
            carrier.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }
}
