package com.yarnnn.export.edge.oauth;

import com.yarnnn.export.edge.oauth.OAuthStateCodec.StateClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issues OAuth states and uses them up: each is signed, bound to the user and provider that started the
 * authorization, valid for a limited time, and accepted once ({@code oauth_states}).
 */
class OAuthStates {

    /** A state to send to the vendor, and the PKCE verifier that goes with it. */
    record IssuedState(String value, String codeVerifier) {

        @Override
        public String toString() {
            return "IssuedState[value=" + value + ", codeVerifier=[redacted]]";
        }
    }

    /** A state accepted at the callback: whose authorization it was. */
    record AcceptedState(UUID userId, String codeVerifier) {

        @Override
        public String toString() {
            return "AcceptedState[userId=" + userId + ", codeVerifier=[redacted]]";
        }
    }

    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final OAuthStateCodec codec;
    private final Clock clock;
    private final Duration ttl;

    OAuthStates(JdbcClient jdbc, OAuthStateCodec codec, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.ttl = ttl;
    }

    IssuedState issue(UUID userId, String providerId) {
        Instant now = clock.instant();
        jdbc.sql("delete from oauth_states where expires_at < ?").param(utc(now.minus(KEPT_AFTER_EXPIRY))).update();
        UUID stateId = UUID.randomUUID();
        jdbc.sql("insert into oauth_states (id, user_id, provider, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(stateId, userId, providerId, utc(now), utc(now.plus(ttl)))
                .update();
        return new IssuedState(codec.encode(new StateClaims(stateId, userId, providerId)), codec.codeVerifier(stateId));
    }

    /**
     * Accepts the state of a callback to {@code providerId} and uses it up.
     *
     * @throws InvalidStateException when it is not this server's, not for this provider, expired or used
     */
    AcceptedState accept(String state, String providerId) {
        StateClaims claims = codec.decode(state).orElseThrow(() -> new InvalidStateException("invalid_state",
                "The connection attempt could not be verified: start it again from Settings"));
        if (!claims.providerId().equals(providerId)) {
            throw new InvalidStateException("invalid_state",
                    "The connection attempt was started for another provider: start it again from Settings");
        }
        StoredState stored = jdbc.sql("select user_id, provider, expires_at from oauth_states where id = ?")
                .param(claims.stateId())
                .query((rs, row) -> new StoredState(rs.getObject("user_id", UUID.class), rs.getString("provider"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(row -> row.userId().equals(claims.userId()) && row.provider().equals(providerId))
                .orElseThrow(() -> new InvalidStateException("invalid_state",
                        "The connection attempt could not be verified: start it again from Settings"));
        Instant now = clock.instant();
        if (!stored.expiresAt().isAfter(now)) {
            throw new InvalidStateException("expired_state", "The connection attempt took longer than "
                    + ttl.toMinutes() + " minutes: start it again from Settings");
        }
        int usedNow = jdbc.sql("update oauth_states set used_at = ? where id = ? and used_at is null")
                .params(utc(now), claims.stateId())
                .update();
        if (usedNow == 0) {
            throw new InvalidStateException("used_state",
                    "This connection attempt was already completed: start it again from Settings");
        }
        return new AcceptedState(claims.userId(), codec.codeVerifier(claims.stateId()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record StoredState(UUID userId, String provider, Instant expiresAt) {
    }
}
