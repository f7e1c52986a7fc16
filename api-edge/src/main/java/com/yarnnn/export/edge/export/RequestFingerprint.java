package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * SHA-256 of what a request asks for, independent of JSON layout: the fields as published, each
 * length-prefixed so that no two requests encode alike. Tells a retry from a reused Idempotency-Key.
 */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(ExportRequested request) {
        MessageDigest sha256 = sha256();
        Stream.of(request.providerId(), request.destinationId(), request.deliverableId(),
                        request.deliverableVersionId(), request.title(), request.content())
                .map(field -> Objects.toString(field, null))
                .forEach(field -> update(sha256, field));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void update(MessageDigest digest, String field) {
        if (field == null) {
            digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
