package com.yarnnn.export.schemas.status;

import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.event.StatusOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every statement that writes {@code export_status} or {@code export_log}, in one place beside the changelog that
 * defines the tables and the {@link StatusOrder} they follow. api-edge creates an export's row (with its
 * Idempotency-Key, in the transaction that accepts the request) and sends a FAILED or DEAD_LETTERED export again;
 * export-consumer's projection folds every outcome. Both run these statements, so a rule of the status table is
 * written once ({@code TableOwnershipTest} fails on a write to these tables anywhere else).
 *
 * <p>The statements take named parameters: {@code exportId, userId, provider, destinationId, destinationName,
 * deliverableId, deliverableVersionId, title, trigger, attempt, now} for api-edge's; the projection's are listed on
 * {@link #FOLD_STATUS}.
 */
public final class StatusTableWrites {

    /** The states a requeue may move from: the terminal ones but SUCCEEDED, which never moves. */
    private static final String REQUEUEABLE = Arrays.stream(ExportState.values())
            .filter(state -> state.isTerminal() && state != ExportState.SUCCEEDED)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private static final String TERMINAL = Arrays.stream(ExportState.values())
            .filter(ExportState::isTerminal)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /**
     * An accepted request's first row, QUEUED at attempt 0, unless a row with the same export id or the same (user,
     * Idempotency-Key) exists; takes {@code idempotencyKey} and {@code requestHash} too.
     */
    public static final String INSERT_QUEUED = """
            insert into export_status (export_id, user_id, provider, destination_id, destination_name,
                deliverable_id, deliverable_version_id, title, trigger, status, attempt, idempotency_key,
                request_hash, created_at, updated_at)
            values (:exportId, :userId, :provider, :destinationId, :destinationName, :deliverableId,
                :deliverableVersionId, :title, :trigger, 'QUEUED', 0, :idempotencyKey, :requestHash, :now, :now)
            on conflict do nothing""";

    /** A refused auto-export's only row, FAILED with the reason ({@code errorCode}, {@code errorMessage}). */
    public static final String INSERT_REFUSED = """
            insert into export_status (export_id, user_id, provider, destination_id, destination_name,
                deliverable_id, deliverable_version_id, title, trigger, status, attempt, error_code,
                error_message, created_at, completed_at, updated_at)
            values (:exportId, :userId, :provider, :destinationId, :destinationName, :deliverableId,
                :deliverableVersionId, :title, :trigger, 'FAILED', :attempt, :errorCode, :errorMessage,
                :now, :now, :now)
            on conflict do nothing""";

    /** The refused auto-export's one history entry, keyed by the request's event id ({@code eventId}). */
    public static final String LOG_REFUSED = """
            insert into export_log (id, export_id, user_id, provider, destination_id, deliverable_id,
                deliverable_version_id, status, attempt, error_code, error_message, occurred_at)
            values (:eventId, :exportId, :userId, :provider, :destinationId, :deliverableId,
                :deliverableVersionId, 'FAILED', :attempt, :errorCode, :errorMessage, :now)""";

    /**
     * A FAILED or DEAD_LETTERED export back to QUEUED at its next attempt, returning that attempt; no row when the
     * export is elsewhere, so of two concurrent requeues one wins.
     */
    public static final String REQUEUE = """
            update export_status
               set status = 'QUEUED', attempt = attempt + 1, error_code = null, error_message = null,
                   next_attempt_at = null, completed_at = null, updated_at = :now
             where export_id = :exportId and user_id = :userId and status in %s
            returning attempt""".formatted(REQUEUEABLE);

    /**
     * An outcome folded into the row by {@link StatusOrder}: it applies only when later than the row, by attempt, then
     * state rank, then time; a terminal state moves only by a requeue to a later attempt. Takes {@code exportId,
     * userId, provider, destinationId, deliverableId, deliverableVersionId, status, rank, terminal, requeue, attempt,
     * errorCode, errorMessage, externalId, externalUrl, nextAttemptAt, occurredAt, startedAt, completedAt}.
     */
    public static final String FOLD_STATUS = """
            insert into export_status as s (export_id, user_id, provider, destination_id, deliverable_id,
                   deliverable_version_id, status, attempt, error_code, error_message, external_id, external_url,
                   next_attempt_at, created_at, started_at, completed_at, updated_at)
            values (:exportId, :userId, :provider, :destinationId, :deliverableId, :deliverableVersionId, :status,
                    :attempt, :errorCode, :errorMessage, :externalId, :externalUrl, :nextAttemptAt, :occurredAt,
                    :startedAt, :completedAt, :occurredAt)
            on conflict (export_id) do update
               set status = excluded.status,
                   attempt = greatest(s.attempt, excluded.attempt),
                   error_code = excluded.error_code,
                   error_message = excluded.error_message,
                   external_id = coalesce(excluded.external_id, s.external_id),
                   external_url = coalesce(excluded.external_url, s.external_url),
                   next_attempt_at = excluded.next_attempt_at,
                   started_at = coalesce(s.started_at, excluded.started_at),
                   completed_at = excluded.completed_at,
                   updated_at = greatest(s.updated_at, excluded.updated_at)
             where (s.status not in %s
                    and ((:terminal and excluded.attempt >= s.attempt)
                         or (excluded.attempt, :rank, excluded.updated_at) > (s.attempt, %s, s.updated_at)))
                or (:requeue and s.status in %s and excluded.attempt > s.attempt)"""
            .formatted(TERMINAL, StatusOrder.rankSql("s.status"), REQUEUEABLE);

    /** An outcome's history entry, keyed by its event id ({@code eventId}) so that a copy of the event is dropped. */
    public static final String APPEND_LOG = """
            insert into export_log (id, export_id, user_id, provider, destination_id, deliverable_id,
                   deliverable_version_id, status, attempt, error_code, error_message, external_id, external_url,
                   occurred_at)
            values (:eventId, :exportId, :userId, :provider, :destinationId, :deliverableId, :deliverableVersionId,
                    :status, :attempt, :errorCode, :errorMessage, :externalId, :externalUrl, :occurredAt)
            on conflict (id) do nothing""";

    private StatusTableWrites() {
    }
}
