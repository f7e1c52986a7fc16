package com.yarnnn.export.edge.export;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The client's {@code Idempotency-Key}: a request retried with the same key maps to the same export. */
record IdempotencyKey(String value) {

    static final int MAX_LENGTH = 255;

    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]*");

    /** The header's key, none when the header is absent; a malformed key is refused. */
    static Optional<IdempotencyKey> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.length() > MAX_LENGTH || !PRINTABLE_ASCII.matcher(header).matches()) {
            throw ExportRequestRejectedException.invalidIdempotencyKey(MAX_LENGTH);
        }
        return Optional.of(new IdempotencyKey(header));
    }

    /** Derived from user and key, so a retry after a lost response finds the export of the first try. */
    UUID exportId(UUID userId) {
        return UUID.nameUUIDFromBytes((userId + ":" + value).getBytes(StandardCharsets.UTF_8));
    }
}
