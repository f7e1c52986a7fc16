package com.yarnnn.export.connector.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an event and returns once the broker has acknowledged it, waiting up to {@code yarnnn.kafka.publish-timeout}:
 * for the steps that may go on only once their event is durable (an outcome before its offset is committed, a retry
 * before the request moves on).
 */
public class AcknowledgedSender {

    private final KafkaTemplate<String, Object> kafka;
    private final PipelineKafkaProperties properties;

    public AcknowledgedSender(KafkaTemplate<String, Object> kafka, PipelineKafkaProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** @throws NotAcknowledgedException when the broker did not acknowledge the event in time */
    public void send(String topic, String key, Object event) {
        send(new ProducerRecord<>(topic, key, event));
    }

    /** @throws NotAcknowledgedException when the broker did not acknowledge the event in time */
    public void send(ProducerRecord<String, Object> record) {
        try {
            kafka.send(record).get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException(record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotAcknowledgedException(record.topic(), e);
        }
    }

    /** The broker did not acknowledge an event in time; the message names the topic, never the event. */
    public static class NotAcknowledgedException extends IllegalStateException {

        NotAcknowledgedException(String topic, Throwable cause) {
            super("Kafka did not acknowledge an event on " + topic, cause);
        }
    }
}
