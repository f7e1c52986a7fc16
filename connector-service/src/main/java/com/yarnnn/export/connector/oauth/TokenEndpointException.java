package com.yarnnn.export.connector.oauth;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * A token, revocation or account request that a vendor refused or did not answer. The message names the
 * vendor's error code only: never a token, a client secret or the vendor's free text.
 */
public class TokenEndpointException extends RuntimeException {

    /** What Spring's token clients report when an answer could not be read as a token response. */
    static final String UNREADABLE = "invalid_token_response";

    private static final Set<String> TRANSIENT_ERRORS = Set.of("server_error", "temporarily_unavailable");

    private final String error;
    private final boolean transientFailure;

    public TokenEndpointException(String error, boolean transientFailure) {
        this(error, transientFailure, null);
    }

    private TokenEndpointException(String error, boolean transientFailure, Throwable cause) {
        super("The OAuth endpoint answered '" + error + "'", cause);
        this.error = error;
        this.transientFailure = transientFailure;
    }

    /** The vendor's error code, {@code unreachable}, or {@code invalid_token_response}. */
    public String error() {
        return error;
    }

    /** Whether trying again later can help (the vendor was down or did not answer). */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The vendor's answer inside a failure of Spring's token client. */
    static TokenEndpointException from(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TokenEndpointException vendorError) {
                return vendorError;
            }
        }
        if (failure instanceof OAuth2AuthorizationException refused
                && !UNREADABLE.equals(refused.getError().getErrorCode())) {
            String code = refused.getError().getErrorCode();
            return new TokenEndpointException(code, TRANSIENT_ERRORS.contains(code), failure);
        }
        if (hasCause(failure, ResourceAccessException.class) || hasCause(failure, HttpServerErrorException.class)) {
            return new TokenEndpointException("unreachable", true, failure);
        }
        return new TokenEndpointException(UNREADABLE, false, failure);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
