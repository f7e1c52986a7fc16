package com.yarnnn.export.schemas.event;

/**
 * The {@link ExportError} codes one module sets and another acts on, each defined once: they are part of the event
 * contract. connector-service fails an export with them, export-consumer and api-edge act on them, and clients
 * (the web page) offer the matching button. A code only the module that makes it reads stays there.
 */
public final class ExportErrorCodes {

    /** The export names no connection, or one that no longer exists: the user connects the account. */
    public static final String NOT_CONNECTED = "not_connected";

    /**
     * The vendor no longer accepts the connection's token (revoked, or expired and not renewable): the connection is
     * marked for re-authorisation and the user connects the account again.
     */
    public static final String NEEDS_REAUTH = "needs_reauth";

    private ExportErrorCodes() {
    }
}
