package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.ExportProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Notion provider, wherever connections can be opened ({@code yarnnn.providers.notion.enabled=false} to leave it
 * out), on the transport {@code yarnnn.providers.notion.transport} names: {@code stdio} (default) or
 * {@code remote}.
 */
@AutoConfiguration(afterName = {"com.yarnnn.export.connector.ConnectorAutoConfiguration",
        "com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
        "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@ConditionalOnProperty(name = "yarnnn.providers.notion.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NotionProperties.class)
public class NotionProviderAutoConfiguration {

    @Bean
    ExportProvider notionExportProvider(ObjectProvider<McpSessionManager> mcp, ObjectProvider<RemoteMcpSessions> remote,
            ConnectionAccess connections, NotionProperties properties) {
        return switch (properties.transport()) {
            case STDIO -> new NotionExportProvider(mcp.getObject(), connections, properties);
            case REMOTE -> new HostedNotionExportProvider(remote.getObject(), connections, properties);
        };
    }
}
