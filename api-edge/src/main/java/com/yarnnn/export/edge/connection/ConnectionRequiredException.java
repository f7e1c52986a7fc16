package com.yarnnn.export.edge.connection;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static com.yarnnn.export.schemas.event.ExportErrorCodes.NOT_CONNECTED;

import com.yarnnn.export.edge.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/**
 * A request that needs a connected account the user does not have (409); the problem's {@code code} is
 * {@code not_connected} or {@code needs_reauth}, so that a client can offer the right button.
 */
public class ConnectionRequiredException extends ApiProblemException {

    private final String code;

    ConnectionRequiredException(String code, String detail) {
        super(HttpStatus.CONFLICT, detail);
        this.code = code;
        getBody().setProperty("code", code);
    }

    /** {@code not_connected} or {@code needs_reauth}. */
    public String code() {
        return code;
    }

    static ConnectionRequiredException notConnected(String providerName) {
        return new ConnectionRequiredException(NOT_CONNECTED,
                "Connect " + providerName + " first: Settings → Integrations");
    }

    static ConnectionRequiredException needsReauth(String providerName) {
        return new ConnectionRequiredException(NEEDS_REAUTH,
                "Reconnect " + providerName + ": its access was revoked or expired");
    }
}
