package com.yarnnn.export.connector.failpoint;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The failpoints both deployables reach; armed only by configuration ({@code yarnnn.failpoints.*}) or a test. */
@AutoConfiguration
@EnableConfigurationProperties(FailpointProperties.class)
public class FailpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Failpoints failpoints(FailpointProperties properties) {
        return new Failpoints(properties.failpoints());
    }
}
