package com.yarnnn.export.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Bearer tokens for the local stack, signed like the product's auth signs them (HS256, {@code sub} = user id). */
public final class DevTokens {

    private DevTokens() {
    }

    /** A fresh random secret, for a local stack started without {@code YARNNN_JWT_SECRET}. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String mint(String secret, UUID userId, Duration validFor) {
        return mint(secret, userId, validFor, List.of());
    }

    /** A token with roles, e.g. {@code operator} for the dead-letter API. */
    public static String mint(String secret, UUID userId, Duration validFor, List<String> roles) {
        return mint(secret, userId, validFor, roles, null);
    }

    /**
     * A token issued for one resource ({@code aud}), e.g. api-edge's MCP endpoint URL, which refuses tokens that do
     * not name it.
     */
    public static String mintFor(String secret, UUID userId, Duration validFor, String audience) {
        return mint(secret, userId, validFor, List.of(), audience);
    }

    private static String mint(String secret, UUID userId, Duration validFor, List<String> roles, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        if (!roles.isEmpty()) {
            builder.claim("roles", roles);
        }
        if (audience != null) {
            builder.audience(audience);
        }
        JWTClaimsSet claims = builder
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
        return jwt.serialize();
    }
}
