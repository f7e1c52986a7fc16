package com.yarnnn.export.edge.revocation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses a token of a revoked user issued at or before the revocation; one without an issue time ({@code iat})
 * cannot show it is newer and is refused too. A subject that is no user id is left to the subject check; while the
 * database cannot be read the token passes, and the route answers for the outage.
 */
@Component
class RevokedUserTokenValidator implements OAuth2TokenValidator<Jwt> {

    private final UserRevocations revocations;

    RevokedUserTokenValidator(UserRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Optional<Instant> revokedAt;
        try {
            revokedAt = userId(jwt.getSubject()).flatMap(revocations::revokedAt);
        } catch (DataAccessException unreachable) {
            // every route that acts for a user needs the database too, and answers 503 on its own meanwhile
            return OAuth2TokenValidatorResult.success();
        }
        if (revokedAt.isEmpty() || (jwt.getIssuedAt() != null && jwt.getIssuedAt().isAfter(revokedAt.get()))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "the user's access was revoked at " + revokedAt.get() + " and this token is not newer; sign in again",
                null));
    }

    private static Optional<UUID> userId(String subject) {
        try {
            return Optional.ofNullable(subject).map(UUID::fromString);
        } catch (IllegalArgumentException notUuid) {
            return Optional.empty();
        }
    }
}
