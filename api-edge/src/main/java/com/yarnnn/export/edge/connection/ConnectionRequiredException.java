package com.yarnnn.export.edge.connection;

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
        return new ConnectionRequiredException("not_connected",
                "Connect " + providerName + " first: Settings → Integrations");
    }

    static ConnectionRequiredException needsReauth(String providerName) {
        return new ConnectionRequiredException("needs_reauth",
                "Reconnect " + providerName + ": its access was revoked or expired");
    }
}
