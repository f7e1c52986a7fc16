package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.consumer.delivery.AttemptFailedException;
import com.yarnnn.export.consumer.delivery.OutcomePublisher;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportDeadLettered;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.util.IdGenerator;

/**
 * Parks a request no attempt could deliver (or that cannot be read) on its provider's dead-letter (or parking)
 * topic, headers intact for replay, then tells the status projection it is DEAD_LETTERED.
 */
public class DeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final DeadLetterPublishingRecoverer deadLetters;
    private final OutcomePublisher outcomes;
    private final Clock clock;
    private final IdGenerator ids;

    public DeadLetterRecoverer(DeadLetterPublishingRecoverer deadLetters, OutcomePublisher outcomes, Clock clock,
            IdGenerator ids) {
        this.deadLetters = deadLetters;
        this.outcomes = outcomes;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The dead-letter topic of the provider whose topic the record came from, same partition; the parking topic
     * when the record had been requeued already, so a replay that fails again waits for a person.
     */
    public static TopicPartition destination(ConsumerRecord<?, ?> record) {
        String provider = Topics.providerOf(record.topic());
        boolean requeued = record.headers().lastHeader(ExportHeaders.REQUEUED) != null;
        return new TopicPartition(requeued ? Topics.parked(provider) : Topics.deadLetter(provider), record.partition());
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        deadLetters.accept(record, exception);
        if (record.value() instanceof ExportRequested request) {
            AttemptFailedException failed = cause(exception, AttemptFailedException.class);
            ExportError error = failed != null ? failed.error()
                    : new ExportError("undeliverable", "The export could not be delivered and was set aside for an operator");
            int attempt = failed != null ? failed.attempt() : request.attempt();
            outcomes.publishAndWait(new ExportDeadLettered(ExportOutcome.SCHEMA_VERSION, ids.generateId(),
                    ExportRef.of(request), attempt, clock.instant(), error, destination(record).topic()));
        } else {
            log.warn("Unreadable record {}-{}@{} moved to {}", record.topic(), record.partition(), record.offset(),
                    destination(record).topic());
        }
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
