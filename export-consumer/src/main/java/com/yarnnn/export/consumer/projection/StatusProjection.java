package com.yarnnn.export.consumer.projection;

import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import com.yarnnn.export.schemas.event.StatusOrder;
import com.yarnnn.export.schemas.status.StatusTableWrites;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds outcome events, by the one {@link StatusOrder}, into {@code export_log} (one row per event the history shows, the event id as key, so a copy
 * is dropped) and {@code export_status} (a monotonic upsert: an event applies only when it is later than the row, by
 * attempt, then by state order, then by time, so a later wait replaces an earlier one; a terminal state moves only when the export is requeued for a later attempt,
 * and SUCCEEDED never moves).
 */
@Component
public class StatusProjection {

    private final NamedParameterJdbcTemplate jdbc;
    private final Failpoints failpoints;

    public StatusProjection(NamedParameterJdbcTemplate jdbc, Failpoints failpoints) {
        this.jdbc = jdbc;
        this.failpoints = failpoints;
    }

    /**
     * Applies the events in order, in one transaction.
     *
     * @return the attempt outcomes logged now for the first time, terminal ones with the time their export was accepted
     */
    @Transactional
    public List<LoggedOutcome> apply(List<ExportOutcome> outcomes) {
        SqlParameterSource[] all = outcomes.stream().map(StatusProjection::parameters).toArray(SqlParameterSource[]::new);
        List<ExportOutcome> attemptOutcomes = outcomes.stream().filter(ExportOutcome::showsInHistory).toList();
        jdbc.batchUpdate(StatusTableWrites.FOLD_STATUS, all);
        failpoints.reach("projector-mid-batch");
        int[] appended = jdbc.batchUpdate(StatusTableWrites.APPEND_LOG,
                attemptOutcomes.stream().map(StatusProjection::parameters).toArray(SqlParameterSource[]::new));
        List<ExportOutcome> firstSeen = IntStream.range(0, appended.length)
                .filter(i -> appended[i] != 0)
                .mapToObj(attemptOutcomes::get)
                .toList();
        Map<UUID, Instant> acceptedAt = acceptedAt(firstSeen.stream()
                .filter(o -> o.state().isTerminal())
                .map(o -> o.export().exportId())
                .collect(Collectors.toSet()));
        return firstSeen.stream()
                .map(o -> new LoggedOutcome(o, o.state().isTerminal() ? acceptedAt.get(o.export().exportId()) : null))
                .toList();
    }

    /** The status rows' {@code created_at}: the request's {@code requestedAt}, as api-edge inserted it. */
    private Map<UUID, Instant> acceptedAt(Set<UUID> exportIds) {
        if (exportIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant> accepted = new HashMap<>();
        jdbc.query("select export_id, created_at from export_status where export_id in (:ids)",
                new MapSqlParameterSource("ids", exportIds),
                row -> {
                    accepted.put(row.getObject("export_id", UUID.class), row.getTimestamp("created_at").toInstant());
                });
        return accepted;
    }

    private static SqlParameterSource parameters(ExportOutcome outcome) {
        ExportRef ref = outcome.export();
        ExportError error = outcome.errorOrNull();
        ExportSucceeded success = outcome instanceof ExportSucceeded s ? s : null;
        Timestamp occurredAt = Timestamp.from(outcome.occurredAt());
        return new MapSqlParameterSource()
                .addValue("eventId", outcome.eventId())
                .addValue("exportId", ref.exportId())
                .addValue("userId", ref.userId())
                .addValue("provider", ref.providerId())
                .addValue("destinationId", ref.destinationId())
                .addValue("deliverableId", ref.deliverableId())
                .addValue("deliverableVersionId", ref.deliverableVersionId())
                .addValue("status", outcome.state().name())
                .addValue("rank", outcome.state().rank())
                .addValue("terminal", outcome.state().isTerminal())
                .addValue("requeue", outcome instanceof ExportRequeued)
                .addValue("attempt", outcome.attempt())
                .addValue("errorCode", error != null ? error.code() : null)
                .addValue("errorMessage", error != null ? error.message() : null)
                .addValue("externalId", success != null ? success.externalId() : null)
                .addValue("externalUrl", success != null ? success.externalUrl() : null)
                .addValue("nextAttemptAt", timestamp(outcome.nextAttemptAtOrNull()))
                .addValue("occurredAt", occurredAt)
                .addValue("startedAt", outcome instanceof ExportStarted ? occurredAt : null)
                .addValue("completedAt", outcome.state().isTerminal() ? occurredAt : null);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant != null ? Timestamp.from(instant) : null;
    }
}
