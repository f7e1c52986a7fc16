package com.yarnnn.export.edge.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The circuit breakers export-consumer instances publish to {@code breaker_states}: only rows the database saw
 * written within {@code yarnnn.ops.breaker-staleness}, so an instance that stopped without removing its rows drops
 * out; open and half-open ones first.
 */
@Component
class BreakerStates {

    /**
     * @param instances    export-consumer instances that reported recently
     * @param breakers     their provider breakers, and their connection breakers that are not closed
     * @param stalenessSec how recent a report must be to count, in seconds
     */
    record BreakerReport(int instances, List<BreakerView> breakers, long stalenessSec) {
    }

    /** @param connectionId null for a provider's breaker */
    record BreakerView(String instanceId, String breaker, String provider, UUID connectionId, String state,
            Instant changedAt, Instant seenAt) {
    }

    private final JdbcClient jdbc;
    private final Duration staleness;

    BreakerStates(JdbcClient jdbc, OpsProperties properties) {
        this.jdbc = jdbc;
        this.staleness = properties.breakerStaleness();
    }

    BreakerReport report() {
        List<BreakerView> breakers = jdbc.sql("""
                        select instance_id, breaker, provider, connection_id, state, changed_at, seen_at
                          from breaker_states
                         where seen_at > now() - make_interval(secs => :seconds)
                         order by state = 'CLOSED', provider, breaker, instance_id""")
                .param("seconds", staleness.toMillis() / 1000.0)
                .query((rs, row) -> new BreakerView(rs.getString("instance_id"), rs.getString("breaker"),
                        rs.getString("provider"), rs.getObject("connection_id", UUID.class), rs.getString("state"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getTimestamp("seen_at").toInstant()))
                .list();
        int instances = (int) breakers.stream().map(BreakerView::instanceId).distinct().count();
        return new BreakerReport(instances, breakers, staleness.toSeconds());
    }
}
