package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.metrics.AcceptedExports;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes events and waits until Kafka acknowledged them; a send that was not acknowledged in time is a 503. */
@Component
public class ExportPublisher {

    private static final Logger log = LoggerFactory.getLogger(ExportPublisher.class);
    private static final long KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    private final KafkaTemplate<String, Object> kafka;
    private final Duration timeout;
    private final AcceptedExports accepted;

    ExportPublisher(KafkaTemplate<String, Object> kafka, ExportPublishProperties properties, AcceptedExports accepted) {
        this.kafka = kafka;
        this.accepted = accepted;
        this.timeout = properties.publishTimeout();
        long deliveryTimeoutMs = deliveryTimeoutMs(kafka);
        if (timeout.toMillis() <= deliveryTimeoutMs) {
            // otherwise a request could answer 503 "nothing was queued" while the producer still delivers it
            throw new IllegalStateException("yarnnn.kafka.publish-timeout (" + timeout + ") must be longer than the "
                    + "producer's delivery.timeout.ms (" + deliveryTimeoutMs + " ms)");
        }
    }

    /** Publishes a new export's request to its provider's topic, keyed by connection, and counts it accepted. */
    public void publish(ExportRequested request) {
        publish(new ProducerRecord<>(Topics.requested(request.providerId()), request.partitionKey(), request),
                request);
        accepted.accepted(request);
    }

    /**
     * @param request the request the record concerns, named in the log line of a failure
     * @throws ExportNotQueuedException when Kafka did not acknowledge the record within the timeout
     */
    public void publish(ProducerRecord<String, Object> record, ExportRequested request) {
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notQueued(request, e);
        } catch (ExecutionException e) {
            throw notQueued(request, e.getCause());
        } catch (TimeoutException | org.apache.kafka.common.KafkaException
                 | org.springframework.kafka.KafkaException e) {
            throw notQueued(request, e);
        }
    }

    private static ExportNotQueuedException notQueued(ExportRequested request, Throwable cause) {
        log.warn("Export {} for provider {} was not queued: {}", request.exportId(), request.providerId(),
                cause.toString());
        return new ExportNotQueuedException(cause);
    }

    private static long deliveryTimeoutMs(KafkaTemplate<String, Object> kafka) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties()
                .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return configured != null ? Long.parseLong(configured.toString()) : KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS;
    }
}
