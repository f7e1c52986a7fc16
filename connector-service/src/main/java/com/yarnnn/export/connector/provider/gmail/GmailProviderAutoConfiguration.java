package com.yarnnn.export.connector.provider.gmail;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Registers the Gmail provider where connections (and so tokens) are available; off with {@code yarnnn.providers.gmail.enabled=false}. */
@AutoConfiguration(after = ConnectorAutoConfiguration.class,
        afterName = {"com.yarnnn.export.connector.connection.ConnectionAutoConfiguration",
                "com.yarnnn.export.connector.oauth.OAuthAutoConfiguration"})
@ConditionalOnBean(ConnectionAccess.class)
@ConditionalOnProperty(name = "yarnnn.providers.gmail.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GmailProperties.class)
public class GmailProviderAutoConfiguration {

    @Bean
    GmailExportProvider gmailExportProvider(McpSessionManager mcp, ConnectionAccess connections, GmailProperties properties) {
        return new GmailExportProvider(mcp, connections, properties);
    }
}
