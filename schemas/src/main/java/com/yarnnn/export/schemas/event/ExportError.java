package com.yarnnn.export.schemas.event;

import java.util.Objects;

/**
 * Why an attempt did not succeed: a stable machine-readable {@code code} and a message a person can act on.
 * Never carries a credential.
 */
public record ExportError(String code, String message) {

    public ExportError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
