package com.yarnnn.export.edge.security;

import com.yarnnn.export.edge.problem.ApiProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A request without a usable bearer token, as a 401 problem. The detail comes from fixed texts and the
 * validators' descriptions, never from the token or the decoder's message.
 */
class BearerTokenRejectedException extends ApiProblemException {

    BearerTokenRejectedException(AuthenticationException failure) {
        super(HttpStatus.UNAUTHORIZED, BearerTokenRefusal.detail(failure,
                "This API needs an 'Authorization: Bearer <token>' header with a valid JWT"));
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
    }
}
