package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The providers declared under {@code yarnnn.providers.hosted}, where connections can be opened; the
 * {@link com.yarnnn.export.connector.provider.ProviderRegistry} takes them beside the providers written as beans.
 */
@AutoConfiguration(afterName = {"com.yarnnn.export.connector.ConnectorAutoConfiguration",
        "com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
        "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@EnableConfigurationProperties(HostedProvidersProperties.class)
public class HostedProvidersAutoConfiguration {

    @Bean
    HostedProviders hostedProviders(HostedProvidersProperties properties, RemoteMcpSessions sessions,
            ConnectionAccess access, AutowireCapableBeanFactory beans) {
        return new HostedProviders(properties, sessions, access, beans::createBean);
    }
}
