package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.kafka.AcknowledgedSender;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

/**
 * Moves a request whose attempt failed for a passing reason onto the retry topic of that attempt, due after
 * the step's delay, or one held back without an attempt onto the topic whose delay covers its wait. The partition it
 * came from moves on at once; the request keeps its key and headers.
 */
@Component
public class RetryScheduler {

    private final AcknowledgedSender kafka;
    private final DeliveryProperties properties;
    private final Clock clock;

    public RetryScheduler(AcknowledgedSender kafka, DeliveryProperties properties, Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether failed attempt {@code attempt} leaves another one in the record's round of retries. */
    public boolean hasAttemptAfter(ConsumerRecord<?, ?> record, int attempt) {
        return step(record, attempt) < properties.maxAttempts();
    }

    /**
     * Publishes the request for its next attempt on the step's topic, or on a later one whose delay is at least
     * {@code atLeast}, and returns when it is due; waits for the broker's ack.
     */
    public Instant schedule(ConsumerRecord<String, ExportRequested> record, int attempt, ExportError error,
            Duration atLeast) {
        return publish(record, Math.max(step(record, attempt), properties.stepFor(atLeast)), atLeast, error);
    }

    /**
     * Holds a request back for at least {@code wait} without counting an attempt (its budget is spent or paused, a
     * breaker is open), on the first step whose delay is that long, and returns when it is due.
     */
    public Instant defer(ConsumerRecord<String, ExportRequested> record, Duration wait) {
        return publish(record, properties.stepFor(wait), wait, null);
    }

    /**
     * Due after the step's delay, so records on a step's topic come due in the order they were written; only a wait
     * longer than the last step's delay waits its own length there (and holds up those behind it as long).
     */
    private Instant publish(ConsumerRecord<String, ExportRequested> record, int step, Duration wait,
            ExportError error) {
        ExportRequested request = record.value();
        Duration delay = properties.delay(step);
        Instant due = clock.instant().plus(delay.compareTo(wait) >= 0 ? delay : wait);
        ProducerRecord<String, Object> retry = new ProducerRecord<>(Topics.retry(request.providerId(), step),
                record.key(), request);
        Headers headers = retry.headers();
        record.headers().forEach(header -> {
            if (!ExportHeaders.DUE_AT.equals(header.key())) {
                headers.add(header);
            }
        });
        headers.add(ExportHeaders.DUE_AT, bytes(String.valueOf(due.toEpochMilli())));
        headers.remove(ExportHeaders.EXPORT_ID);
        headers.add(ExportHeaders.EXPORT_ID, bytes(request.exportId().toString()));
        if (error != null && headers.lastHeader(ExportHeaders.FIRST_FAILURE) == null) {
            headers.add(ExportHeaders.FIRST_FAILURE, bytes(error.code() + ": " + error.message()));
        }
        kafka.send(retry);
        return due;
    }

    /** Which failed attempt of its round this is (1-based): a requeued export starts a new round. */
    private static int step(ConsumerRecord<?, ?> record, int attempt) {
        return attempt - roundStart(record) + 1;
    }

    /** The attempt the record's round of retries starts at: 1, or later for a requeued export. */
    public static int roundStart(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(ExportHeaders.FIRST_ATTEMPT);
        return header == null ? 1 : Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** When a request read from a retry topic is due, or now when it carries no due time. */
    public static Instant dueAt(ConsumerRecord<?, ?> record) {
        var header = record.headers().lastHeader(ExportHeaders.DUE_AT);
        return header == null ? Instant.EPOCH
                : Instant.ofEpochMilli(Long.parseLong(new String(header.value(), StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
