package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Notion provider, wherever connections can be opened ({@code yarnnn.providers.notion.enabled=false} to leave it out). */
@AutoConfiguration(afterName = {"com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
        "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@ConditionalOnProperty(name = "yarnnn.providers.notion.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NotionProperties.class)
public class NotionProviderAutoConfiguration {

    @Bean
    NotionExportProvider notionExportProvider(McpSessionManager mcp, ConnectionAccess connections,
            NotionProperties properties) {
        return new NotionExportProvider(mcp, connections, properties);
    }
}
