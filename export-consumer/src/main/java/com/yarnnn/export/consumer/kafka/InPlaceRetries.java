package com.yarnnn.export.consumer.kafka;

import com.yarnnn.export.consumer.delivery.AttemptFailedException;
import com.yarnnn.export.consumer.delivery.ClaimHeldException;
import com.yarnnn.export.consumer.delivery.DeliveryProperties;
import com.yarnnn.export.consumer.delivery.PoisonRecordException;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a request whose delivery throws. Unreadable records and requests whose last attempt failed go to
 * the dead-letter topic at once. Anything else thrown is the pipeline's own trouble (database or broker
 * unreachable): the request is tried again in place, backing off, and never dead-lettered for it. A claim held by
 * another worker is waited out, for up to two leases. The same rules serve the retry topics' error handler.
 */
class InPlaceRetries {

    private static final Logger log = LoggerFactory.getLogger(InPlaceRetries.class);

    private final Consumer<ConsumerRecord<String, ExportRequested>> delivery;
    private final ConsumerRecordRecoverer deadLetters;
    private final DeliveryProperties properties;
    private volatile boolean stopping;

    InPlaceRetries(Consumer<ConsumerRecord<String, ExportRequested>> delivery, ConsumerRecordRecoverer deadLetters,
            DeliveryProperties properties) {
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    /** Failures that no retry can mend: the request is dead-lettered at once. */
    static final List<Class<? extends Exception>> DEAD_LETTERED_AT_ONCE =
            List.of(PoisonRecordException.class, AttemptFailedException.class);

    private static boolean deadLettersAtOnce(Exception failure) {
        return DEAD_LETTERED_AT_ONCE.stream().anyMatch(type -> DeadLetterRecoverer.cause(failure, type) != null);
    }

    /** How a failure that is not dead-lettered at once is tried again. */
    static BackOff backOffFor(Exception failure, DeliveryProperties properties) {
        if (DeadLetterRecoverer.cause(failure, ClaimHeldException.class) != null) {
            return new FixedBackOff(properties.lease().toMillis() / 10, 20);
        }
        ExponentialBackOff inPlace = new ExponentialBackOff(1_000, 2);
        inPlace.setMaxInterval(30_000);
        return inPlace;
    }

    /**
     * Delivers the request, or parks it; true once it has ended either way, false if a stop came first (the
     * request is then read again by whoever holds its partition next).
     */
    boolean deliver(ConsumerRecord<String, ExportRequested> record) {
        BackOffExecution backOff = null;
        while (!stopping) {
            Exception failure;
            try {
                if (record.value() == null) {
                    throw new PoisonRecordException("Unreadable export request " + record.topic() + "-"
                            + record.partition() + "@" + record.offset());
                }
                delivery.accept(record);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (backOff == null) {
                backOff = deadLettersAtOnce(failure) ? null : backOffFor(failure, properties).start();
            }
            long wait = backOff != null ? backOff.nextBackOff() : BackOffExecution.STOP;
            if (wait == BackOffExecution.STOP && deadLetter(record, failure)) {
                return true;
            }
            log.warn("Export request {}-{}@{} failed; trying it again in place: {}", record.topic(),
                    record.partition(), record.offset(), failure.toString());
            if (!pause(wait == BackOffExecution.STOP ? 1_000 : wait)) {
                return false;
            }
        }
        return false;
    }

    /** From now on a failed request is left for a re-read instead of waited on, so a stop is not held up. */
    void stop() {
        stopping = true;
    }

    void start() {
        stopping = false;
    }

    private boolean deadLetter(ConsumerRecord<String, ExportRequested> record, Exception failure) {
        try {
            deadLetters.accept(record, failure);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not park export request {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return false;
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
