package com.yarnnn.export.edge.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the relay looks for events whose send was not acknowledged
 * @param sweepBatch    at most this many such events per look
 * @param ackWait       how long a committed change waits for Kafka's acknowledgement of its events before it is
 *                      answered (the answer then means the events are on their partitions); a broker that does not
 *                      answer within it leaves them to the sweep
 */
@ConfigurationProperties("yarnnn.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("100") int sweepBatch,
        @DefaultValue("2s") Duration ackWait) {
}
