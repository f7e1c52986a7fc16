package com.yarnnn.export.edge.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the relay looks for events whose send was not acknowledged
 * @param sweepBatch    at most this many such events per look
 */
@ConfigurationProperties("yarnnn.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("100") int sweepBatch) {
}
