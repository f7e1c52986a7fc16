package com.yarnnn.export.edge.requeue;

import com.yarnnn.export.edge.outbox.EventOutbox;
import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRequeued;
import com.yarnnn.export.schemas.status.StatusTableWrites;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Sends a FAILED or DEAD_LETTERED export again under its own id: in one transaction the status moves to QUEUED
 * with the next attempt (only one caller can win that), and the {@link ExportRequeued} outcome and the request go
 * into the outbox, published once it commits. The request names the attempt its new round starts at, which lets
 * export-consumer's ledger claim the export again. A failure before the commit leaves
 * everything as it was. SUCCEEDED exports are never sent again.
 */
@Service
public class ExportRequeuer {

    /** What a requeue did. */
    public enum Result { REQUEUED, NOT_FOUND, NOT_REQUEUEABLE, REQUEST_UNAVAILABLE }

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IdGenerator ids;

    public ExportRequeuer(JdbcClient jdbc, EventOutbox outbox, PlatformTransactionManager transactions,
            Clock clock, IdGenerator ids) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.ids = ids;
    }

    /** The owner's retry: the request is the one the ledger kept. */
    public Result retryByOwner(UUID exportId, UUID owner) {
        return transaction.execute(tx -> {
            Optional<ExportRequested> request = storedRequest(exportId, owner);
            if (request.isEmpty()) {
                return exists(exportId, owner) ? Result.REQUEST_UNAVAILABLE : Result.NOT_FOUND;
            }
            return requeue(request.get(), ExportRequeued.USER_RETRY);
        });
    }

    /** An operator's replay of a dead-lettered request, as it was parked. */
    public Result replay(ExportRequested request) {
        return transaction.execute(tx -> exists(request.exportId(), request.userId())
                ? requeue(request, ExportRequeued.OPERATOR_REPLAY)
                : Result.NOT_FOUND);
    }

    private Result requeue(ExportRequested request, String reason) {
        Optional<Integer> attempt = jdbc.sql(StatusTableWrites.REQUEUE)
                .param("exportId", request.exportId())
                .param("userId", request.userId())
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class)
                .optional();
        if (attempt.isEmpty()) {
            return Result.NOT_REQUEUEABLE;
        }
        ExportRequeued requeued = new ExportRequeued(ExportOutcome.SCHEMA_VERSION, ids.generateId(),
                ExportRef.of(request), attempt.get(), clock.instant(), reason);
        outbox.add(requeued.eventId(), new ProducerRecord<>(Topics.OUTCOMES, request.exportId().toString(), requeued));
        ProducerRecord<String, Object> again = new ProducerRecord<>(Topics.requested(request.providerId()),
                request.partitionKey(), request);
        again.headers().add(ExportHeaders.REQUEUED, reason.getBytes(StandardCharsets.UTF_8));
        again.headers().add(ExportHeaders.EXPORT_ID, request.exportId().toString().getBytes(StandardCharsets.UTF_8));
        again.headers().add(ExportHeaders.FIRST_ATTEMPT, attempt.get().toString().getBytes(StandardCharsets.UTF_8));
        // a fresh outbox id: the request's own event id is the first publication's, which may still be in the outbox
        outbox.add(ids.generateId(), again);
        return Result.REQUEUED;
    }

    private Optional<ExportRequested> storedRequest(UUID exportId, UUID owner) {
        return jdbc.sql("""
                        select r.request::text from export_request r join export_status s using (export_id)
                         where r.export_id = :exportId and s.user_id = :userId""")
                .param("exportId", exportId)
                .param("userId", owner)
                .query(String.class)
                .optional()
                .map(json -> EventJson.mapper().readValue(json, ExportRequested.class));
    }

    private boolean exists(UUID exportId, UUID owner) {
        return jdbc.sql("select count(*) from export_status where export_id = :exportId and user_id = :userId")
                .param("exportId", exportId)
                .param("userId", owner)
                .query(Integer.class)
                .single() > 0;
    }
}
