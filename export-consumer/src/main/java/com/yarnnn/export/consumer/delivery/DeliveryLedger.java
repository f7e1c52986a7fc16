package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The idempotency ledger ({@code export_delivery}, export-consumer's alone): a worker claims an export id before
 * calling the provider and records the outcome before publishing it. A request delivered again finds the outcome and re-emits it
 * instead of delivering twice; a claim whose worker died is taken over once its lease has expired.
 */
@Component
public class DeliveryLedger {

    /** What a claim found. */
    public sealed interface Claim {
    }

    /** This worker holds the export now; {@code attempt} counts every claim, across restarts. */
    public record Claimed(int attempt) implements Claim {
    }

    /** The export was handled before; its outcome is re-emitted. */
    public record AlreadyDone(ExportOutcome outcome) implements Claim {
    }

    /** Another live worker holds the export. */
    public record HeldElsewhere(Instant leaseExpiresAt) implements Claim {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final String workerId;

    public DeliveryLedger(JdbcClient jdbc, Clock clock, DeliveryProperties properties, WorkerIdentity identity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.workerId = identity.id();
    }

    /**
     * Claims the export for an attempt. {@code roundStart} is the attempt a requeue's round starts at (1 for a fresh
     * request): an export that ended without success before it is claimed again; one that succeeded never is.
     */
    public Claim claim(ExportRequested request, int roundStart) {
        UUID exportId = request.exportId();
        Instant now = clock.instant();
        Optional<Integer> claimed = jdbc.sql("""
                        insert into export_delivery (export_id, provider, state, worker_id, lease_expires_at, claims, claimed_at)
                        values (:exportId, :provider, 'CLAIMED', :worker, :lease, :roundStart, :now)
                        on conflict (export_id) do update
                           set state = 'CLAIMED', outcome = null, completed_at = null,
                               worker_id = excluded.worker_id, lease_expires_at = excluded.lease_expires_at,
                               claims = export_delivery.claims + 1, claimed_at = excluded.claimed_at
                         where (export_delivery.state = 'CLAIMED'
                                and (export_delivery.worker_id = excluded.worker_id
                                     or export_delivery.lease_expires_at <= :now))
                            or (export_delivery.state = 'DONE' and export_delivery.claims < :roundStart
                                and export_delivery.outcome ->> 'type' <> 'ExportSucceeded')
                        returning claims""")
                .param("exportId", exportId)
                .param("provider", request.providerId())
                .param("roundStart", roundStart)
                .param("worker", workerId)
                .param("lease", Timestamp.from(now.plus(properties.lease())))
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional();
        if (claimed.isPresent()) {
            return new Claimed(claimed.get());
        }
        return jdbc.sql("select state, outcome::text as outcome, lease_expires_at from export_delivery where export_id = :exportId")
                .param("exportId", exportId)
                .query((rs, row) -> "DONE".equals(rs.getString("state"))
                        ? new AlreadyDone(EventJson.mapper().readValue(rs.getString("outcome"), ExportOutcome.class))
                        : (Claim) new HeldElsewhere(rs.getTimestamp("lease_expires_at").toInstant()))
                .single();
    }

    /** Records the final outcome; from now on the export is never delivered again. */
    public void complete(ExportOutcome outcome) {
        jdbc.sql("""
                        update export_delivery
                           set state = 'DONE', outcome = cast(:outcome as jsonb), completed_at = :now, lease_expires_at = null
                         where export_id = :exportId""")
                .param("outcome", EventJson.mapper().writeValueAsString(outcome))
                .param("now", Timestamp.from(clock.instant()))
                .param("exportId", outcome.export().exportId())
                .update();
    }

    /** How many attempts the export has had so far. */
    public int attempts(UUID exportId) {
        return jdbc.sql("select claims from export_delivery where export_id = :exportId")
                .param("exportId", exportId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Gives the claim up after a failed attempt, so the next attempt (on any worker) may claim at once. */
    public void release(UUID exportId) {
        jdbc.sql("update export_delivery set lease_expires_at = :now where export_id = :exportId and state = 'CLAIMED'")
                .param("now", Timestamp.from(clock.instant()))
                .param("exportId", exportId)
                .update();
    }
}
