package com.yarnnn.export.edge.export;

import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.edge.connection.UserConnections;
import com.yarnnn.export.edge.deliverable.DeliverableOwners;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportState;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * Queues a manual export, through the user's connected account where the provider needs one (none: 409, nothing
 * published). Accepted means durable: the QUEUED row and its request are committed in one transaction (the
 * request through the outbox, published right after), so an export exists exactly when its request does. A
 * failure before the commit leaves nothing; after it, whatever the client heard, a retry with the same
 * Idempotency-Key and body finds the same export.
 */
@Service
public class ExportRequestService {

    private final ExportRequestRules rules;
    private final UserConnections connections;
    private final QueuedExportRepository repository;
    private final ExportQueue queue;
    private final DeliverableOwners owners;
    private final TransactionTemplate transaction;
    private final Failpoints failpoints;
    private final Clock clock;
    private final IdGenerator ids;

    ExportRequestService(ExportRequestRules rules, UserConnections connections, QueuedExportRepository repository,
            ExportQueue queue, DeliverableOwners owners, PlatformTransactionManager transactions,
            Failpoints failpoints, Clock clock, IdGenerator ids) {
        this.rules = rules;
        this.connections = connections;
        this.repository = repository;
        this.queue = queue;
        this.owners = owners;
        this.transaction = new TransactionTemplate(transactions);
        this.failpoints = failpoints;
        this.clock = clock;
        this.ids = ids;
    }

    public ExportAccepted request(UserId user, ExportRequestBody body, String idempotencyKeyHeader) {
        Optional<IdempotencyKey> key = IdempotencyKey.parse(idempotencyKeyHeader);
        ProviderDescriptor provider = rules.check(body);
        if (body.deliverableId() != null) {
            owners.claim(body.deliverableId(), user.value());
        }
        UUID connectionId = provider.requiresConnection() ? connections.requireActive(user.value(), provider.id()) : null;
        UUID exportId = key.map(k -> k.exportId(user.value())).orElseGet(ids::generateId);
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, ids.generateId(), exportId,
                user.value(), body.providerId(), connectionId, body.destinationId(), body.deliverableId(),
                body.deliverableVersionId(), ExportTitle.of(body), body.content(), ExportTrigger.MANUAL, 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        String fingerprint = RequestFingerprint.of(request);
        String destinationName = body.destinationName() != null ? body.destinationName().strip() : null;
        ExportAccepted accepted = transaction.execute(status -> queue(request, destinationName,
                key.map(IdempotencyKey::value).orElse(null), fingerprint));
        failpoints.reach("edge-before-answer");
        return accepted;
    }

    private ExportAccepted queue(ExportRequested request, String destinationName, String idempotencyKey,
            String fingerprint) {
        if (queue.insertQueued(request, destinationName, idempotencyKey, fingerprint)) {
            return ExportAccepted.of(request.exportId(), ExportState.QUEUED);
        }
        // the same key was queued before (or just now, by a request this insert waited for)
        QueuedExportRepository.PreviousRequest previous = repository.find(request.exportId(), request.userId())
                .orElseThrow(() -> new IllegalStateException("Export id " + request.exportId() + " is taken"));
        // a row without a hash predates the outbox (created from an outcome): the key is all there is to compare
        if (previous.requestHash() != null && !fingerprint.equals(previous.requestHash())) {
            throw new IdempotencyKeyReusedException();
        }
        return ExportAccepted.of(request.exportId(), previous.status());
    }
}
