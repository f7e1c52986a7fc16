package com.yarnnn.export.edge.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publishTimeout how long a request waits for Kafka to acknowledge its event; must exceed the
 *                       producer's {@code delivery.timeout.ms}, so that a send we gave up on cannot land later
 */
@ConfigurationProperties("yarnnn.kafka")
public record ExportPublishProperties(@DefaultValue("10s") Duration publishTimeout) {
}
