package com.yarnnn.export.edge.security;

import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A request without a usable bearer token, as a 401 problem. The detail comes from fixed texts and the
 * validators' descriptions, never from the token or the decoder's message.
 */
class BearerTokenRejectedException extends ApiProblemException {

    BearerTokenRejectedException(AuthenticationException failure) {
        super(HttpStatus.UNAUTHORIZED, detail(failure));
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
    }

    private static String detail(AuthenticationException failure) {
        if (!(failure instanceof InvalidBearerTokenException)) {
            return "This API needs an 'Authorization: Bearer <token>' header with a valid JWT";
        }
        if (failure.getCause() instanceof JwtValidationException invalid) {
            return "The bearer token was refused: " + invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
        }
        return "The bearer token was refused: it is malformed or its signature does not verify";
    }
}
