package com.yarnnn.export.edge.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Users whose access an operator revoked, kept in PostgreSQL so that every api-edge instance refuses their older
 * tokens. Each instance reads a user's row at most once per {@link #RECHECK_AFTER}: another instance's revocation
 * takes effect here within that time, this instance's at once.
 */
@Service
class UserRevocations {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Cache<UUID, Optional<Instant>> read = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(RECHECK_AFTER)
            .build();

    UserRevocations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses the user's tokens issued until now; a later revocation of the same user moves the time on. */
    Instant revoke(UUID userId) {
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into user_revocations (user_id, revoked_at) values (:user, :at)
                        on conflict (user_id) do update
                           set revoked_at = greatest(user_revocations.revoked_at, excluded.revoked_at)""")
                .param("user", userId)
                .param("at", Timestamp.from(now))
                .update();
        read.invalidate(userId);
        return now;
    }

    /** When the user's access was last revoked, if ever. */
    Optional<Instant> revokedAt(UUID userId) {
        return read.get(userId, user -> jdbc.sql("select revoked_at from user_revocations where user_id = ?")
                .param(user)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant));
    }
}
