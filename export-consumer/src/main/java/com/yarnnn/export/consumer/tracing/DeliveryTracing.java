package com.yarnnn.export.consumer.tracing;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.schemas.event.ExportRequested;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts a delivery into its export's trace. A request record carries the trace it was published in (W3C
 * {@code traceparent}, from api-edge's HTTP request or approval event); its handling continues that trace on the
 * delivery thread (the listener's own observation would end when the record is handed to its lane), and the
 * provider's MCP calls are a span of their own. Outcome events published meanwhile carry the trace on to the
 * projector. The export id is in the log context ({@code export_id}) while the record is handled.
 */
@Component
public class DeliveryTracing {

    /** The log context key of the export being handled. */
    public static final String EXPORT_ID = "export_id";

    private final ObservationRegistry registry;

    public DeliveryTracing(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /** Runs the handling of a request record in a span continuing the trace in its headers. */
    public void handling(ExportProvider provider, ConsumerRecord<String, ExportRequested> record, Runnable handling) {
        ReceiverContext<ConsumerRecord<String, ExportRequested>> context = new ReceiverContext<>(
                (carrier, key) -> text(carrier.headers().lastHeader(key)));
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        String exportId = record.value() != null ? String.valueOf(record.value().exportId()) : "unreadable";
        Observation observation = Observation.createNotStarted("yarnnn.export.handling", () -> context, registry)
                .contextualName(record.topic() + " process")
                .lowCardinalityKeyValue("provider", provider.descriptor().id())
                .highCardinalityKeyValue("export.id", exportId);
        try (MDC.MDCCloseable logContext = MDC.putCloseable(EXPORT_ID, exportId)) {
            observation.observe(handling);
        }
    }

    /** Runs one attempt's calls to the provider (its MCP server) in a span of their own. */
    public <T> T providerCall(ExportProvider provider, int attempt, Supplier<T> call) {
        return Observation.createNotStarted("yarnnn.export.provider.call", registry)
                .contextualName(provider.descriptor().id() + (attempt > 1 ? " redeliver" : " deliver"))
                .lowCardinalityKeyValue("provider", provider.descriptor().id())
                .highCardinalityKeyValue("attempt", String.valueOf(attempt))
                .observe(call);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
