package com.yarnnn.export.connector.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class OtlpEndpointFromEnvironmentTest {

    private final OtlpEndpointFromEnvironment processor = new OtlpEndpointFromEnvironment();

    @Test
    void theBaseEndpointGetsTheTracesPathOverHttp() {
        MockEnvironment environment = processed(new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"));

        assertThat(environment.getProperty(OtlpEndpointFromEnvironment.ENDPOINT))
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(environment.containsProperty(OtlpEndpointFromEnvironment.TRANSPORT)).isFalse();
    }

    @Test
    void theTracesEndpointIsTakenAsItIsAndGrpcTakesTheBase() {
        assertThat(processed(new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
                .withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/custom"))
                .getProperty(OtlpEndpointFromEnvironment.ENDPOINT)).isEqualTo("http://traces:4318/custom");
        MockEnvironment grpc = processed(new MockEnvironment()
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")
                .withProperty("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"));
        assertThat(grpc.getProperty(OtlpEndpointFromEnvironment.ENDPOINT)).isEqualTo("http://collector:4317");
        assertThat(grpc.getProperty(OtlpEndpointFromEnvironment.TRANSPORT)).isEqualTo("grpc");
    }

    @Test
    void nothingIsExportedWithoutAnEndpointAndBootsOwnPropertyWins() {
        assertThat(processed(new MockEnvironment()).containsProperty(OtlpEndpointFromEnvironment.ENDPOINT)).isFalse();
        assertThat(processed(new MockEnvironment()
                .withProperty(OtlpEndpointFromEnvironment.ENDPOINT, "http://boot:4318/v1/traces")
                .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))
                .getProperty(OtlpEndpointFromEnvironment.ENDPOINT)).isEqualTo("http://boot:4318/v1/traces");
    }

    private MockEnvironment processed(MockEnvironment environment) {
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
