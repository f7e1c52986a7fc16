package com.yarnnn.export.edge.export;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportRequested;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts an export in the pipeline once: its first row and its event, the row committed only after Kafka
 * acknowledged the event. An export id that already has a row was queued (or refused) before and is left alone,
 * which is what makes a repeated trigger harmless.
 */
@Service
public class ExportQueue {

    private final QueuedExportRepository repository;
    private final ExportPublisher publisher;
    private final TransactionTemplate transaction;

    ExportQueue(QueuedExportRepository repository, ExportPublisher publisher, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.publisher = publisher;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return whether the export was queued now, rather than before */
    public boolean queue(ExportRequested request, String destinationName) {
        return Boolean.TRUE.equals(transaction.execute(status -> insertAndPublish(request, destinationName, null, null)));
    }

    /**
     * Records an export that cannot be sent, as FAILED with the reason its owner is shown.
     *
     * @return whether it was recorded now, rather than before
     */
    public boolean refuse(ExportRequested request, String destinationName, ExportError reason) {
        return Boolean.TRUE.equals(transaction.execute(status -> repository.insertRefused(request, destinationName, reason)));
    }

    /** Within the caller's transaction. */
    boolean insertAndPublish(ExportRequested request, String destinationName, String idempotencyKey,
            String fingerprint) {
        if (!repository.insertQueued(request, destinationName, idempotencyKey, fingerprint)) {
            return false;
        }
        publisher.publish(request);
        return true;
    }
}
