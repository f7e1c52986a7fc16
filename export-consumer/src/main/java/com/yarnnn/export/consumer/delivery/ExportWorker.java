package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.connector.mcp.McpCallException;
import com.yarnnn.export.connector.provider.DeliveryException;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import com.yarnnn.export.consumer.budget.RateBudgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Delivers one request: draws on its rate budgets (a long wait defers it), claims it in the ledger, announces the
 * attempt, calls the provider, then has the {@link OutcomeRecorder} record the outcome in the ledger before publishing
 * it, holding the claim until both are durable. A request already handled only has its outcome re-emitted. An
 * attempt that fails for a passing reason moves the request to the next retry topic; after the last one, the
 * error handler dead-letters it.
 */
@Component
public class ExportWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
    /** The provider refused the connection's token: the user must connect again, and Settings says so. */
    private static final String NEEDS_REAUTH = "needs_reauth";

    private final DeliveryLedger ledger;
    private final OutcomePublisher outcomes;
    private final RetryScheduler retries;
    private final ProviderCircuitBreakers breakers;
    private final RateBudgets budgets;
    private final DeliveryProperties properties;
    private final ConnectionStore connections;
    private final OutcomeRecorder outcomeRecorder;
    private final Failpoints failpoints;
    private final Clock clock;
    private final IdGenerator ids;

    public ExportWorker(DeliveryLedger ledger, OutcomePublisher outcomes, RetryScheduler retries,
            ProviderCircuitBreakers breakers, RateBudgets budgets, DeliveryProperties properties,
            ConnectionStore connections, OutcomeRecorder outcomeRecorder, Failpoints failpoints, Clock clock,
            IdGenerator ids) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.retries = retries;
        this.breakers = breakers;
        this.budgets = budgets;
        this.properties = properties;
        this.connections = connections;
        this.outcomeRecorder = outcomeRecorder;
        this.failpoints = failpoints;
        this.clock = clock;
        this.ids = ids;
    }

    public void handle(ExportProvider provider, ConsumerRecord<String, ExportRequested> record) {
        ExportRequested request = record.value();
        if (!provider.descriptor().id().equals(request.providerId())) {
            throw new PoisonRecordException("A '" + request.providerId() + "' export on the '"
                    + provider.descriptor().id() + "' topic");
        }
        if (!takeBudget(provider, record)) {
            return;
        }
        DeliveryLedger.Claim claim = ledger.claim(request);
        if (claim instanceof DeliveryLedger.AlreadyDone done) {
            outcomes.publishAndWait(done.outcome());
        } else if (claim instanceof DeliveryLedger.HeldElsewhere held) {
            throw new ClaimHeldException(request.exportId(), held.leaseExpiresAt());
        } else {
            deliver(provider, record, ((DeliveryLedger.Claimed) claim).attempt());
        }
        failpoints.reach("consumer-before-offset-commit");
    }

    private void deliver(ExportProvider provider, ConsumerRecord<String, ExportRequested> record, int attempt) {
        ExportRequested request = record.value();
        ExportRef ref = ExportRef.of(request);
        outcomes.publish(new ExportStarted(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant()));
        failpoints.reach("consumer-after-claim");
        ExportOutcome outcome;
        try {
            // a later attempt may follow one that reached the provider before failing: let the provider look first
            DeliveryReceipt receipt = breakers.call(request.providerId(),
                    () -> attempt > 1 ? provider.redeliver(request) : provider.deliver(request));
            outcome = new ExportSucceeded(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt,
                    clock.instant(), receipt.externalId(), receipt.externalUrl());
        } catch (DeliveryException e) {
            if (e.retryable()) {
                Duration slowDown = e.retryAfter().orElse(Duration.ZERO);
                if (!slowDown.isZero()) {
                    provider.budgets(request).stream().findFirst().ifPresent(budget -> budgets.pause(budget, slowDown));
                }
                retryLater(record, ref, attempt, new ExportError(e.code(), e.getMessage()), e, slowDown);
                return;
            }
            outcome = failed(ref, attempt, new ExportError(e.code(), e.getMessage()));
        } catch (ConnectionUnusableException e) {
            outcome = failed(ref, attempt, new ExportError(e.code(), e.getMessage()));
        } catch (InvalidDestinationException e) {
            outcome = failed(ref, attempt, new ExportError("destination_invalid", e.getMessage()));
        } catch (CallNotPermittedException e) {
            retryLater(record, ref, attempt, new ExportError("provider_unavailable", provider.descriptor().displayName()
                    + " is failing for every export right now; this one waits and tries again"), e, Duration.ZERO);
            return;
        } catch (McpCallException e) {
            retryLater(record, ref, attempt, new ExportError(e.code(),
                    "The " + provider.descriptor().displayName() + " connector is unavailable (" + e.code() + ")"), e,
                    Duration.ZERO);
            return;
        } catch (RuntimeException e) {
            log.error("Export {} failed unexpectedly", ref.exportId(), e);
            retryLater(record, ref, attempt, new ExportError("unexpected_error", "The export failed unexpectedly"), e,
                    Duration.ZERO);
            return;
        }
        // the provider has answered: from here on nothing may lead to calling it again
        outcomeRecorder.record(outcome);
        if (outcome instanceof ExportFailed failure && NEEDS_REAUTH.equals(failure.error().code())
                && request.connectionId() != null) {
            markNeedsReauth(request.connectionId());
        }
    }

    /** Best effort: the next export through the connection fails the same way and tries again. */
    private void markNeedsReauth(UUID connectionId) {
        try {
            connections.markNeedsReauth(connectionId);
        } catch (RuntimeException e) {
            log.warn("Could not mark connection {} as needing re-authorisation: {}", connectionId, e.toString());
        }
    }

    /**
     * Takes a token from each of the request's rate budgets, waiting in place for up to the pacing wait in all (a
     * token freed meanwhile may go to a parallel lane, so the budget is asked again after each wait); beyond it, the
     * request is deferred to a retry topic, due when the budget allows.
     *
     * @return whether the tokens were taken
     */
    private boolean takeBudget(ExportProvider provider, ConsumerRecord<String, ExportRequested> record) {
        List<RateBudget> needed = provider.budgets(record.value());
        Duration waited = Duration.ZERO;
        for (Duration wait = budgets.acquire(needed); !wait.isZero(); wait = budgets.acquire(needed)) {
            if (waited.plus(wait).compareTo(properties.pacingWait()) > 0) {
                retries.defer(record, wait);
                return false;
            }
            pause(wait);
            waited = waited.plus(wait);
        }
        return true;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing an export", e);
        }
    }

    private ExportFailed failed(ExportRef ref, int attempt, ExportError error) {
        return new ExportFailed(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant(), error);
    }

    private void retryLater(ConsumerRecord<String, ExportRequested> record, ExportRef ref, int attempt,
            ExportError error, Throwable cause, Duration atLeast) {
        log.warn("Export {} attempt {} failed: {}", ref.exportId(), attempt, error.code());
        ledger.release(ref.exportId());
        if (!retries.hasAttemptAfter(record, attempt)) {
            throw new AttemptFailedException(error, attempt, cause);
        }
        // stamped before the retry is scheduled: the next attempt may finish before this event is published
        Instant failedAt = clock.instant();
        Instant due = retries.schedule(record, attempt, error, atLeast);
        outcomes.publishAndWait(new ExportRetrying(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt,
                failedAt, error, due));
    }
}
