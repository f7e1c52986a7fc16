package com.yarnnn.export.connector.connection;

/**
 * A connection that cannot be used until the user acts: {@code not_connected} (deleted or never made) or
 * {@code needs_reauth} (revoked, or its refresh token no longer works). Exports to it fail with this reason.
 */
public class ConnectionUnusableException extends RuntimeException {

    private final String code;

    public ConnectionUnusableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
