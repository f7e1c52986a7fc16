package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One export is one trace: the HTTP request on api-edge, through the outbox and Kafka (W3C {@code traceparent}),
 * the worker's handling and provider call on export-consumer, its outcome events and their projection; every span
 * but the request's has its parent in the same trace.
 */
class TraceAcrossPipelineTest extends LocalStackTest {

    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");
    private static final AttributeKey<String> EXPORT_ID = AttributeKey.stringKey("export.id");

    @BeforeAll
    static void start() {
        startStack(Map.of("spring.main.sources", RecordedSpans.class.getName(),
                "management.opentelemetry.tracing.export.schedule-delay", "50ms"));
    }

    @Test
    void oneExportIsOneConnectedTraceAcrossBothDeployables() {
        UUID exportId = client.export("team/traced", "Traced report", "# Traced\n\nBody.").exportId();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            SpanData handling = only(RecordedSpans.finished(),
                    span -> exportId.toString().equals(span.getAttributes().get(EXPORT_ID)));
            List<SpanData> trace = RecordedSpans.finished().stream()
                    .filter(span -> span.getTraceId().equals(handling.getTraceId())).toList();

            SpanData request = only(trace, span -> span.getKind() == SpanKind.SERVER);
            assertThat(service(request)).isEqualTo("api-edge");
            assertThat(request.getParentSpanContext().isValid()).as("the request starts the trace").isFalse();
            assertThat(trace).as("the worker continues the request's trace from a span of api-edge's")
                    .anySatisfy(span -> {
                        assertThat(span.getSpanId()).isEqualTo(handling.getParentSpanId());
                        assertThat(service(span)).isEqualTo("api-edge");
                    });
            assertThat(service(handling)).isEqualTo("export-consumer");
            assertThat(only(trace, span -> span.getName().equals("folder deliver")).getParentSpanId())
                    .isEqualTo(handling.getSpanId());
            assertThat(trace).as("outcome events sent by the worker and received by the projector")
                    .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER))
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                        assertThat(span.getName()).startsWith("export.outcomes");
                    });
            Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> span != request)
                    .allSatisfy(span -> assertThat(ids).contains(span.getParentSpanId()));
        });
    }

    private static SpanData only(List<SpanData> spans, Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as(() -> "among " + spans.stream().map(span -> service(span) + " " + span.getKind() + " "
                + span.getName() + " " + span.getAttributes()).toList()).hasSize(1);
        return found.get(0);
    }

    private static String service(SpanData span) {
        return span.getResource().getAttribute(SERVICE);
    }
}
