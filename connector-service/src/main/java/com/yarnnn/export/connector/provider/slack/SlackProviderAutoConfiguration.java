package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Slack provider, where connections can be opened (it needs each user's token), on the transport
 * {@code yarnnn.providers.slack.transport} names: {@code stdio} (default) or {@code remote}.
 */
@AutoConfiguration(afterName = {"com.yarnnn.export.connector.ConnectorAutoConfiguration",
        "com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
        "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@ConditionalOnProperty(name = "yarnnn.providers.slack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackProviderAutoConfiguration {

    @Bean
    SlackExportProvider slackExportProvider(McpSessionManager mcp, ObjectProvider<RemoteMcpSessions> remote,
            ConnectionAccess connections, SlackProperties properties) {
        return switch (properties.transport()) {
            case STDIO -> new SlackExportProvider(mcp, connections, properties);
            case REMOTE -> new SlackExportProvider(remote.getObject(), connections, properties);
        };
    }
}
