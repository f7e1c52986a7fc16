package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Slack provider, where connections can be opened (it needs each user's bot token). */
@AutoConfiguration(afterName = {"com.yarnnn.export.connector.ConnectorAutoConfiguration",
        "com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
        "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@ConditionalOnProperty(name = "yarnnn.providers.slack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackProviderAutoConfiguration {

    @Bean
    SlackExportProvider slackExportProvider(McpSessionManager mcp, ConnectionAccess connections,
            SlackProperties properties) {
        return new SlackExportProvider(mcp, connections, properties);
    }
}
