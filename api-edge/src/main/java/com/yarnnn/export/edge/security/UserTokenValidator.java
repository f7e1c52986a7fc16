package com.yarnnn.export.edge.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Beyond signature and time: a token must expire, and its subject must be a user id (a UUID). */
class UserTokenValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        if (jwt.getExpiresAt() == null) {
            errors.add(invalid("it has no expiry time (exp claim)"));
        }
        if (!isUuid(jwt.getSubject())) {
            errors.add(invalid("its subject (sub claim) is not a user id (a UUID)"));
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }

    private static boolean isUuid(String subject) {
        try {
            return subject != null && UUID.fromString(subject).toString().equalsIgnoreCase(subject);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }
}
