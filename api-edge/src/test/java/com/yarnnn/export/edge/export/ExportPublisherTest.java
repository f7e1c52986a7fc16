package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.edge.metrics.AcceptedExports;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class ExportPublisherTest {

    private static final AcceptedExports ACCEPTED = new AcceptedExports(new SimpleMeterRegistry());

    @Test
    void refusesToWaitLessThanTheProducerMayStillDeliver() {
        assertThatThrownBy(() -> new ExportPublisher(template(8000), new ExportPublishProperties(Duration.ofSeconds(8)),
                ACCEPTED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yarnnn.kafka.publish-timeout (PT8S) must be longer than the producer's "
                        + "delivery.timeout.ms (8000 ms)");
    }

    @Test
    void acceptsATimeoutBeyondTheDeliveryTimeout() {
        assertThatCode(() -> new ExportPublisher(template(8000), new ExportPublishProperties(Duration.ofSeconds(10)),
                ACCEPTED))
                .doesNotThrowAnyException();
    }

    private static KafkaTemplate<String, Object> template(int deliveryTimeoutMs) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs)));
    }
}
