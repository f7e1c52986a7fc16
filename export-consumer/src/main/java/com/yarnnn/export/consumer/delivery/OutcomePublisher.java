package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes outcome events to {@link Topics#OUTCOMES}, keyed by export id so one export's events stay in order. */
@Component
public class OutcomePublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;

    public OutcomePublisher(KafkaTemplate<String, Object> kafka,
            @Value("${yarnnn.kafka.publish-timeout:10s}") Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** Sends without waiting; a later {@link #publishAndWait} on the same export flushes it first. */
    public void publish(ExportOutcome outcome) {
        kafka.send(Topics.OUTCOMES, outcome.export().exportId().toString(), outcome);
    }

    /** Returns once the broker acknowledged the event, so the request's offset is committed only after that. */
    public void publishAndWait(ExportOutcome outcome) {
        try {
            kafka.send(Topics.OUTCOMES, outcome.export().exportId().toString(), outcome)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing an outcome", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish the outcome of export " + outcome.export().exportId(), e);
        }
    }
}
