package com.yarnnn.export.edge.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state} parameter: {@code <state id>.<user id>.<provider>.<HMAC-SHA256>}, signed with a key
 * derived from the configured secret. Also derives each state's PKCE verifier with a second key, so that the
 * verifier is never stored or sent anywhere but to the token endpoint.
 */
final class OAuthStateCodec {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a state says; trustworthy only once {@link #decode} checked its signature. */
    record StateClaims(UUID stateId, UUID userId, String providerId) {

        private String payload() {
            return stateId + "." + userId + "." + providerId;
        }
    }

    private final SecretKeySpec stateKey;
    private final SecretKeySpec pkceKey;

    OAuthStateCodec(String secret) {
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        this.stateKey = key(hmac(new SecretKeySpec(master, "HmacSHA256"), "yarnnn/oauth-state/v1"));
        this.pkceKey = key(hmac(new SecretKeySpec(master, "HmacSHA256"), "yarnnn/oauth-pkce/v1"));
    }

    String encode(StateClaims claims) {
        return claims.payload() + "." + BASE64URL.encodeToString(hmac(stateKey, claims.payload()));
    }

    /** The claims of a state this server signed; empty for anything else, altered or malformed. */
    Optional<StateClaims> decode(String state) {
        String[] parts = state != null ? state.split("\\.", -1) : new String[0];
        if (parts.length != 4) {
            return Optional.empty();
        }
        StateClaims claims;
        try {
            claims = new StateClaims(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        byte[] expected = hmac(stateKey, claims.payload());
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(expected, given) && state.equals(encode(claims)) ? Optional.of(claims)
                : Optional.empty();
    }

    /** The PKCE verifier of a state: 43 characters of base64url, as RFC 7636 allows. */
    String codeVerifier(UUID stateId) {
        return BASE64URL.encodeToString(hmac(pkceKey, stateId.toString()));
    }

    /** The S256 challenge of a verifier. */
    static String codeChallenge(String codeVerifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static SecretKeySpec key(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
