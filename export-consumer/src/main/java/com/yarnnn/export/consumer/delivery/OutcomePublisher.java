package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.kafka.AcknowledgedSender;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes outcome events to {@link Topics#OUTCOMES}, keyed by export id so one export's events stay in order. */
@Component
public class OutcomePublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final AcknowledgedSender acknowledged;

    public OutcomePublisher(KafkaTemplate<String, Object> kafka, AcknowledgedSender acknowledged) {
        this.kafka = kafka;
        this.acknowledged = acknowledged;
    }

    /** Sends without waiting; a later {@link #publishAndWait} on the same export flushes it first. */
    public void publish(ExportOutcome outcome) {
        kafka.send(Topics.OUTCOMES, outcome.export().exportId().toString(), outcome);
    }

    /** Returns once the broker acknowledged the event, so the request's offset is committed only after that. */
    public void publishAndWait(ExportOutcome outcome) {
        acknowledged.send(Topics.OUTCOMES, outcome.export().exportId().toString(), outcome);
    }
}
