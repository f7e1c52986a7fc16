package com.yarnnn.export.connector.connection;

import java.util.Locale;

/** The state of a connection, stored lower-case in {@code user_integrations.status}. */
public enum ConnectionStatus {
    ACTIVE,
    NEEDS_REAUTH,
    REVOKED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
