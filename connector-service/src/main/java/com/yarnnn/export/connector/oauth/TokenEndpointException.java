package com.yarnnn.export.connector.oauth;

import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token, revocation or account request that a vendor refused or did not answer. The message names the
 * vendor's error code only: never a token, a client secret or the vendor's free text.
 */
public class TokenEndpointException extends RuntimeException {

    /** What Spring's token clients report when an answer could not be read as a token response. */
    static final String UNREADABLE = "invalid_token_response";

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
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
        String refusedWithOtherStatus = errorCodeOfOtherStatus(failure);
        return refusedWithOtherStatus != null ? new TokenEndpointException(refusedWithOtherStatus, false, failure)
                : new TokenEndpointException(UNREADABLE, false, failure);
    }

    /**
     * The error code of a refusal with a status other than 400, which Spring's token clients report as unreadable
     * (RFC 6749 section 5.2 allows 401 for {@code invalid_client}).
     */
    private static String errorCodeOfOtherStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpClientErrorException refusal) {
                try {
                    String code = JSON.readTree(refusal.getResponseBodyAsString()).path("error").asString("");
                    return ERROR_CODE.matcher(code).matches() ? code : null;
                } catch (RuntimeException unreadable) {
                    return null;
                }
            }
        }
        return null;
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
