package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportWaiting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import org.springframework.util.IdGenerator;

/**
 * Holds an export back without spending an attempt: it goes to the retry topic whose delay covers the wait, and its
 * status shows RETRYING with when it is looked at again and why it waits.
 */
@Component
public class HeldExports {

    private final RetryScheduler retries;
    private final OutcomePublisher outcomes;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final IdGenerator ids;

    public HeldExports(RetryScheduler retries, OutcomePublisher outcomes, DeliveryLedger ledger, Clock clock,
            IdGenerator ids) {
        this.retries = retries;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.clock = clock;
        this.ids = ids;
    }

    public void hold(ConsumerRecord<String, ExportRequested> record, Duration wait, ExportError reason) {
        ExportRequested request = record.value();
        Instant due = retries.defer(record, wait);
        outcomes.publishAndWait(new ExportWaiting(ExportOutcome.SCHEMA_VERSION, ids.generateId(), ExportRef.of(request),
                ledger.attempts(request.exportId()), clock.instant(), reason, due));
    }
}
