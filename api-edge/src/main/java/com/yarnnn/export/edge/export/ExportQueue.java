package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.metrics.AcceptedExports;
import com.yarnnn.export.edge.outbox.EventOutbox;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportRequested;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an export in the pipeline once: its first row and its request, in one transaction through the
 * {@link EventOutbox}, so the request is published exactly when the row exists. An export id that already has a
 * row was queued (or refused) before and is left alone, which is what makes a repeated trigger harmless.
 */
@Service
public class ExportQueue {

    private final QueuedExportRepository repository;
    private final EventOutbox outbox;
    private final AcceptedExports accepted;
    private final TransactionTemplate transaction;

    ExportQueue(QueuedExportRepository repository, EventOutbox outbox, AcceptedExports accepted,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.outbox = outbox;
        this.accepted = accepted;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return whether the export was queued now, rather than before */
    public boolean queue(ExportRequested request, String destinationName) {
        return Boolean.TRUE.equals(transaction.execute(status -> insertQueued(request, destinationName, null, null)));
    }

    /**
     * Records an export that cannot be sent, as FAILED with the reason its owner is shown.
     *
     * @return whether it was recorded now, rather than before
     */
    public boolean refuse(ExportRequested request, String destinationName, ExportError reason) {
        return Boolean.TRUE.equals(transaction.execute(status -> repository.insertRefused(request, destinationName, reason)));
    }

    /** Within the caller's transaction; the export counts as accepted once that commits. */
    boolean insertQueued(ExportRequested request, String destinationName, String idempotencyKey,
            String fingerprint) {
        if (!repository.insertQueued(request, destinationName, idempotencyKey, fingerprint)) {
            return false;
        }
        outbox.add(request.eventId(),
                new ProducerRecord<>(Topics.requested(request.providerId()), request.partitionKey(), request));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                accepted.accepted(request);
            }
        });
        return true;
    }
}
