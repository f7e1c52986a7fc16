package com.yarnnn.export.edge.security;

import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Why a request's bearer token did not do, from fixed texts and the validators' descriptions, never the token. */
public final class BearerTokenRefusal {

    private BearerTokenRefusal() {
    }

    /** @param missing what to say when no token was sent */
    public static String detail(AuthenticationException failure, String missing) {
        if (!(failure instanceof InvalidBearerTokenException)) {
            return missing;
        }
        if (failure.getCause() instanceof JwtValidationException invalid) {
            return "The bearer token was refused: " + invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
        }
        return "The bearer token was refused: it is malformed or its signature does not verify";
    }
}
