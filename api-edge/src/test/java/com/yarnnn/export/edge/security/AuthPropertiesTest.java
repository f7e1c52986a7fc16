package com.yarnnn.export.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

    @Test
    void refusesAMissingSecret() {
        assertThatThrownBy(() -> new AuthProperties(""))
                .hasMessageContaining("Set yarnnn.auth.jwt-secret (environment variable YARNNN_JWT_SECRET)");
        assertThatThrownBy(() -> new AuthProperties(null)).hasMessageContaining("YARNNN_JWT_SECRET");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new AuthProperties("x".repeat(31)))
                .hasMessageContaining("must be at least 32 bytes long for HS256");
    }

    @Test
    void neverPrintsTheSecret() {
        String secret = "a-secret-that-is-long-enough-for-hs256";

        assertThat(new AuthProperties(secret).toString()).doesNotContain(secret);
    }
}
