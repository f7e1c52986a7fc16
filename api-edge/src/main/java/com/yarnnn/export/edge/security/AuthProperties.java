package com.yarnnn.export.edge.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param jwtSecret the HS256 key bearer tokens are signed with; at least 32 bytes, as HS256 requires */
@ConfigurationProperties("yarnnn.auth")
public record AuthProperties(String jwtSecret) {

    static final int MIN_SECRET_BYTES = 32;

    public AuthProperties {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new IllegalArgumentException("Set yarnnn.auth.jwt-secret (environment variable YARNNN_JWT_SECRET) "
                    + "to the HS256 secret that bearer tokens are signed with; api-edge does not start without it");
        }
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("yarnnn.auth.jwt-secret (environment variable YARNNN_JWT_SECRET) "
                    + "must be at least " + MIN_SECRET_BYTES + " bytes long for HS256");
        }
    }

    public SecretKey signingKey() {
        return new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Keeps the secret out of logs and startup failure reports. */
    @Override
    public String toString() {
        return "AuthProperties[jwtSecret=<hidden>]";
    }
}
