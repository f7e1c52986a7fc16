package com.yarnnn.export.edge.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param breakerStaleness how long after its last report an export-consumer instance's breakers still show; three of
 *                         its heartbeats ({@code yarnnn.breaker-states.heartbeat}, 10 s by default)
 */
@ConfigurationProperties("yarnnn.ops")
record OpsProperties(Duration breakerStaleness) {

    OpsProperties {
        breakerStaleness = breakerStaleness != null ? breakerStaleness : Duration.ofSeconds(30);
    }
}
