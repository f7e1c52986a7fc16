package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.mcp.McpCallException;
import com.yarnnn.export.connector.provider.DeliveryException;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Delivers one request: claims it in the ledger, announces the attempt, calls the provider, then records the
 * outcome in the ledger before publishing it. A request already handled only has its outcome re-emitted.
 */
@Component
public class ExportWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

    private final DeliveryLedger ledger;
    private final OutcomePublisher outcomes;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final IdGenerator ids;

    public ExportWorker(DeliveryLedger ledger, OutcomePublisher outcomes, DeliveryProperties properties, Clock clock,
            IdGenerator ids) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
        this.ids = ids;
    }

    public void handle(ExportProvider provider, ConsumerRecord<String, ExportRequested> record) {
        ExportRequested request = record.value();
        if (!provider.descriptor().id().equals(request.providerId())) {
            throw new PoisonRecordException("A '" + request.providerId() + "' export on the '"
                    + provider.descriptor().id() + "' topic");
        }
        DeliveryLedger.Claim claim = ledger.claim(request.exportId(), request.providerId());
        if (claim instanceof DeliveryLedger.AlreadyDone done) {
            outcomes.publishAndWait(done.outcome());
        } else if (claim instanceof DeliveryLedger.HeldElsewhere held) {
            throw new ClaimHeldException(request.exportId(), held.leaseExpiresAt());
        } else {
            deliver(provider, request, ((DeliveryLedger.Claimed) claim).attempt(), deliveryAttempt(record));
        }
    }

    private void deliver(ExportProvider provider, ExportRequested request, int attempt, int deliveryAttempt) {
        ExportRef ref = ExportRef.of(request);
        outcomes.publish(new ExportStarted(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant()));
        ExportOutcome outcome;
        try {
            DeliveryReceipt receipt = provider.deliver(request);
            outcome = new ExportSucceeded(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant(),
                    receipt.externalId(), receipt.externalUrl());
        } catch (DeliveryException e) {
            if (e.retryable()) {
                throw attemptFailed(ref, attempt, deliveryAttempt, new ExportError(e.code(), e.getMessage()), e);
            }
            outcome = failed(ref, attempt, new ExportError(e.code(), e.getMessage()));
        } catch (ConnectionUnusableException e) {
            outcome = failed(ref, attempt, new ExportError(e.code(), e.getMessage()));
        } catch (InvalidDestinationException e) {
            outcome = failed(ref, attempt, new ExportError("destination_invalid", e.getMessage()));
        } catch (McpCallException e) {
            throw attemptFailed(ref, attempt, deliveryAttempt, new ExportError(e.code(),
                    "The " + provider.descriptor().displayName() + " connector is unavailable (" + e.code() + ")"), e);
        } catch (RuntimeException e) {
            log.error("Export {} failed unexpectedly", ref.exportId(), e);
            throw attemptFailed(ref, attempt, deliveryAttempt,
                    new ExportError("unexpected_error", "The export failed unexpectedly"), e);
        }
        ledger.complete(outcome);
        outcomes.publishAndWait(outcome);
    }

    private ExportFailed failed(ExportRef ref, int attempt, ExportError error) {
        return new ExportFailed(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant(), error);
    }

    private AttemptFailedException attemptFailed(ExportRef ref, int attempt, int deliveryAttempt, ExportError error,
            Throwable cause) {
        log.warn("Export {} attempt {} failed: {}", ref.exportId(), attempt, error.code());
        ledger.release(ref.exportId());
        if (deliveryAttempt < properties.maxAttempts()) {
            Instant now = clock.instant();
            outcomes.publish(new ExportRetrying(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, now, error,
                    now.plus(properties.delayAfter(deliveryAttempt))));
        }
        return new AttemptFailedException(error, attempt, cause);
    }

    /** The container counts deliveries of this record (1-based) in a header; the error handler uses the same count. */
    private static int deliveryAttempt(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header != null ? ByteBuffer.wrap(header.value()).getInt() : 1;
    }
}
