package com.yarnnn.export.edge.oauth;

/** An OAuth callback whose state this server cannot accept; the code says why, the message tells the user. */
class InvalidStateException extends RuntimeException {

    private final String code;

    InvalidStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
