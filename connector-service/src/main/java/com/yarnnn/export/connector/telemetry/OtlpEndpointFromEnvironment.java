package com.yarnnn.export.connector.telemetry;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the OpenTelemetry SDK's standard variables, which Spring Boot does not: {@code
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} as it is, else {@code OTEL_EXPORTER_OTLP_ENDPOINT} with the signal's path
 * ({@code /v1/traces} over HTTP; gRPC takes the base), and {@code OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc} or
 * {@code http/protobuf}). Boot's own {@code management.opentelemetry.tracing.export.otlp.*} properties win.
 */
public class OtlpEndpointFromEnvironment implements EnvironmentPostProcessor {

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String TRANSPORT = "management.opentelemetry.tracing.export.otlp.transport";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        boolean grpc = "grpc".equals(environment.getProperty("OTEL_EXPORTER_OTLP_PROTOCOL"));
        if (!environment.containsProperty(ENDPOINT)) {
            String traces = environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
            String base = environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT");
            if (hasText(traces)) {
                derived.put(ENDPOINT, traces);
            } else if (hasText(base)) {
                derived.put(ENDPOINT, grpc ? base : stripSlash(base) + "/v1/traces");
            }
        }
        if (grpc && !environment.containsProperty(TRANSPORT)) {
            derived.put(TRANSPORT, "grpc");
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("otel-environment", derived));
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
