package com.yarnnn.export.consumer.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param heartbeat how often this instance rewrites its breakers' rows even without a state change; api-edge treats
 *                  an instance not seen for three heartbeats as gone
 */
@ConfigurationProperties("yarnnn.breaker-states")
public record BreakerStatesProperties(Duration heartbeat) {

    public BreakerStatesProperties {
        heartbeat = heartbeat != null ? heartbeat : Duration.ofSeconds(10);
    }
}
