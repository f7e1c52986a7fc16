package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.schemas.event.ExportOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Records the final outcome of an attempt whose provider call has ended: in the ledger first (from then on the
 * export is never delivered again), then on {@code export.outcomes}. A failure of either — the database or the
 * broker unreachable — is retried here, in place, holding the claim, until both are durable: going back to the
 * provider for a failure of our own would deliver twice. Only an interrupt (a forced stop) ends the wait early; the
 * request is then read again and the claim, or the ledger's outcome, keeps it from being delivered twice.
 */
@Component
public class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final DeliveryLedger ledger;
    private final OutcomePublisher outcomes;
    private final Failpoints failpoints;

    public OutcomeRecorder(DeliveryLedger ledger, OutcomePublisher outcomes, Failpoints failpoints) {
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.failpoints = failpoints;
    }

    public void record(ExportOutcome outcome) {
        untilDone(outcome, "in the ledger", () -> {
            failpoints.reach("consumer-after-provider-call");
            ledger.complete(outcome);
        });
        untilDone(outcome, "on export.outcomes", () -> {
            failpoints.reach("consumer-before-outcome-publish");
            outcomes.publishAndWait(outcome);
        });
    }

    private static void untilDone(ExportOutcome outcome, String where, Runnable step) {
        ExponentialBackOff policy = new ExponentialBackOff(250, 2);
        policy.setMaxInterval(5_000);
        BackOffExecution backOff = policy.start();
        while (true) {
            try {
                step.run();
                return;
            } catch (RuntimeException e) {
                long wait = backOff.nextBackOff();
                log.warn("Could not record the outcome of export {} {} yet, trying again in {} ms: {}",
                        outcome.export().exportId(), where, wait, e.toString());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Stopped before the outcome of export "
                            + outcome.export().exportId() + " was recorded", e);
                }
            }
        }
    }
}
