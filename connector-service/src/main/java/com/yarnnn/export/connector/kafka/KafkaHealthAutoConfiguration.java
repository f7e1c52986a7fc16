package com.yarnnn.export.connector.kafka;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The health contributor {@code kafka} of every application of the pipeline that has health checks; both
 * deployables put it in their readiness group.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
public class KafkaHealthAutoConfiguration {

    /** Short, since a probe waits for the answer; a broker that answers at all does so in milliseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaBrokerHealthIndicator(kafkaAdmin, TIMEOUT);
    }
}
