package com.yarnnn.export.localstack;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives each application of the stack a span exporter into one in-memory list (add this class to {@code
 * spring.main.sources}): both deployables' spans side by side, as a collector would see them. A context that stops
 * does not shut the list down for the other.
 */
@Configuration(proxyBeanMethods = false)
public class RecordedSpans {

    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    static List<SpanData> finished() {
        return SPANS.getFinishedSpanItems();
    }

    @Bean
    SpanExporter inMemorySpanExporter() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return SPANS.export(spans);
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
