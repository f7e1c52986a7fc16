package com.yarnnn.export.edge.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.edge.ApiEdgeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The application refuses to start without a usable secret, before it touches the database or Kafka. */
class MissingSecretTest {

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> start("--yarnnn.auth.jwt-secret="))
                .rootCause().hasMessageContaining("Set yarnnn.auth.jwt-secret (environment variable YARNNN_JWT_SECRET)");
    }

    @Test
    void refusesToStartWithAShortSecret() {
        assertThatThrownBy(() -> start("--yarnnn.auth.jwt-secret=too-short"))
                .rootCause().hasMessageContaining("must be at least 32 bytes long for HS256");
    }

    private static void start(String secretArgument) {
        new SpringApplicationBuilder(ApiEdgeApplication.class)
                .run(secretArgument, "--server.port=0", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                        "--spring.kafka.bootstrap-servers=127.0.0.1:1")
                .close();
    }
}
