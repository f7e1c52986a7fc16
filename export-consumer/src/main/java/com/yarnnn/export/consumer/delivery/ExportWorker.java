package com.yarnnn.export.consumer.delivery;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.consumer.breaker.CallBreakers;
import com.yarnnn.export.consumer.breaker.CallPermit;
import com.yarnnn.export.consumer.breaker.CallVerdict;
import com.yarnnn.export.consumer.budget.BudgetPacer;
import com.yarnnn.export.consumer.budget.BudgetWait;
import com.yarnnn.export.consumer.budget.RateBudgets;
import com.yarnnn.export.consumer.tracing.DeliveryTracing;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Delivers one request. First what may hold it back without spending an attempt: its provider's or connection's
 * circuit breaker, then its rate budgets (a short wait is waited in place). Then it claims the export in the ledger,
 * announces the attempt, calls the provider, and has the {@link OutcomeRecorder} record the outcome in the ledger
 * before publishing it, holding the claim until both are durable. A request already handled only has its outcome
 * re-emitted. An attempt that fails for a passing reason moves the request to the next retry topic; after the last
 * one, the error handler dead-letters it.
 */
@Component
public class ExportWorker {

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

    private final DeliveryLedger ledger;
    private final OutcomePublisher outcomes;
    private final RetryScheduler retries;
    private final HeldExports held;
    private final CallBreakers breakers;
    private final RateBudgets budgets;
    private final BudgetPacer pacer;
    private final ConnectionStore connections;
    private final OutcomeRecorder outcomeRecorder;
    private final Failpoints failpoints;
    private final Clock clock;
    private final IdGenerator ids;
    private final DeliveryTracing tracing;

    public ExportWorker(DeliveryLedger ledger, OutcomePublisher outcomes, RetryScheduler retries, HeldExports held,
            CallBreakers breakers, RateBudgets budgets, DeliveryProperties properties, ConnectionStore connections,
            OutcomeRecorder outcomeRecorder, Failpoints failpoints, Clock clock, IdGenerator ids,
            DeliveryTracing tracing) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.retries = retries;
        this.held = held;
        this.breakers = breakers;
        this.budgets = budgets;
        this.pacer = new BudgetPacer(budgets, properties.pacingWait());
        this.connections = connections;
        this.outcomeRecorder = outcomeRecorder;
        this.failpoints = failpoints;
        this.clock = clock;
        this.ids = ids;
        this.tracing = tracing;
    }

    public void handle(ExportProvider provider, ConsumerRecord<String, ExportRequested> record) {
        tracing.handling(provider, record, () -> handleTraced(provider, record));
    }

    private void handleTraced(ExportProvider provider, ConsumerRecord<String, ExportRequested> record) {
        ExportRequested request = record.value();
        if (!provider.descriptor().id().equals(request.providerId())) {
            throw new PoisonRecordException("A '" + request.providerId() + "' export on the '"
                    + provider.descriptor().id() + "' topic");
        }
        CallBreakers.Permission permission = breakers.permit(request.providerId(), request.connectionId());
        if (permission instanceof CallBreakers.Held open) {
            held.hold(record, open.duration(), outage(provider, open));
            return;
        }
        CallPermit permit = ((CallBreakers.Granted) permission).permit();
        try {
            Optional<BudgetWait> budgetWait = pacer.take(provider.budgets(request));
            if (budgetWait.isPresent()) {
                held.hold(record, budgetWait.get().duration(), waitingFor(provider, budgetWait.get()));
                return;
            }
            DeliveryLedger.Claim claim = ledger.claim(request, RetryScheduler.roundStart(record));
            if (claim instanceof DeliveryLedger.AlreadyDone done) {
                outcomes.publishAndWait(done.outcome());
            } else if (claim instanceof DeliveryLedger.HeldElsewhere elsewhere) {
                throw new ClaimHeldException(request.exportId(), elsewhere.leaseExpiresAt());
            } else {
                deliver(provider, record, ((DeliveryLedger.Claimed) claim).attempt(), permit);
            }
        } finally {
            permit.releaseUnused();
        }
        failpoints.reach("consumer-before-offset-commit");
    }

    private void deliver(ExportProvider provider, ConsumerRecord<String, ExportRequested> record, int attempt,
            CallPermit permit) {
        ExportRequested request = record.value();
        ExportRef ref = ExportRef.of(request);
        outcomes.publish(new ExportStarted(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant()));
        failpoints.reach("consumer-after-claim");
        DeliveryReceipt receipt = null;
        RuntimeException failure = null;
        try {
            // a later attempt may follow one that reached the provider before failing: let the provider look first
            receipt = tracing.providerCall(provider, attempt,
                    () -> attempt > 1 ? provider.redeliver(request) : provider.deliver(request));
        } catch (RuntimeException e) {
            failure = e;
        }
        CallVerdict verdict = CallVerdict.of(failure);
        permit.settle(verdict, failure);
        ExportOutcome outcome;
        if (failure == null) {
            outcome = new ExportSucceeded(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt,
                    clock.instant(), receipt.externalId(), receipt.externalUrl());
        } else {
            AttemptError error = AttemptError.of(provider.descriptor().displayName(), failure);
            if (error instanceof AttemptError.Passing passing) {
                // neither the vendor's failure nor its rate limit: ours, and unexpected
                if (verdict == CallVerdict.NEUTRAL && passing.slowDown().isEmpty()) {
                    log.error("Export {} failed unexpectedly", ref.exportId(), failure);
                }
                Duration atLeast = passing.slowDown()
                        .map(slowDown -> budgets.pause(pausedBy(slowDown, provider.budgets(request)), slowDown.pause()))
                        .orElse(Duration.ZERO);
                retryLater(record, ref, attempt, error.error(), failure, atLeast);
                return;
            }
            outcome = new ExportFailed(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ref, attempt, clock.instant(),
                    error.error());
        }
        // the provider has answered: from here on nothing may lead to calling it again
        outcomeRecorder.record(outcome);
        if (outcome instanceof ExportFailed failed && NEEDS_REAUTH.equals(failed.error().code())
                && request.connectionId() != null) {
            markNeedsReauth(request.connectionId());
        }
    }

    /** A slow-down for the whole connection pauses its budget, the last; any other the most specific, the first. */
    private static List<RateBudget> pausedBy(AttemptError.SlowDown slowDown, List<RateBudget> budgets) {
        return slowDown.wholeConnection() && !budgets.isEmpty() ? budgets.subList(budgets.size() - 1, budgets.size())
                : budgets;
    }

    /** Best effort: the next export through the connection fails the same way and tries again. */
    private void markNeedsReauth(UUID connectionId) {
        try {
            connections.markNeedsReauth(connectionId);
        } catch (RuntimeException e) {
            log.warn("Could not mark connection {} as needing re-authorisation: {}", connectionId, e.toString());
        }
    }

    private static ExportError outage(ExportProvider provider, CallBreakers.Held open) {
        String name = provider.descriptor().displayName();
        return open.providerWide()
                ? new ExportError("waiting_provider_outage", name + " is failing for every connection right now; "
                        + "the export waits for it to recover without using an attempt")
                : new ExportError("waiting_connection_outage", name + " is failing for this connection right now; "
                        + "the export waits for it to recover without using an attempt");
    }

    private static ExportError waitingFor(ExportProvider provider, BudgetWait wait) {
        String name = provider.descriptor().displayName();
        return wait.paused()
                ? new ExportError("waiting_rate_limit", name + " asked YARNNN to slow down for "
                        + wait.budget().scope() + "; the export waits without using an attempt")
                : new ExportError("waiting_rate_budget", name + " takes " + wait.budget().describe()
                        + "; the export waits its turn without using an attempt");
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
