package com.yarnnn.export.edge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Bearer tokens as the product's auth service would sign them, relative to the tests' fixed clock. */
public final class TestTokens {

    public static final String SECRET = "test-only-hs256-secret-of-more-than-32-bytes";

    private TestTokens() {
    }

    public static String forUser(UUID userId) {
        return sign(SECRET, claims -> claims.subject(userId.toString()));
    }

    /** A valid token for the user, changed by {@code change}. */
    public static String sign(String secret, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(FixedClockAndScriptedIds.NOW))
                .expirationTime(Date.from(FixedClockAndScriptedIds.NOW.plus(Duration.ofMinutes(10))));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
