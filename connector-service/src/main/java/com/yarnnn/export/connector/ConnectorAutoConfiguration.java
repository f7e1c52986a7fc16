package com.yarnnn.export.connector;

import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpProperties;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.ConnectionSessions;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.connector.provider.folder.FolderExportProvider;
import com.yarnnn.export.connector.provider.folder.FolderProperties;
import com.yarnnn.export.connector.provider.hosted.HostedProviders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/**
 * The connector library's beans: MCP sessions (and the connections' sessions, which disconnecting stops), the clients
 * of the vendors' hosted MCP servers, the providers and their registry, and the clock and id generator every
 * component takes (injected, so tests can fix them).
 */
@AutoConfiguration
@EnableConfigurationProperties({McpProperties.class, RemoteMcpProperties.class, FolderProperties.class})
public class ConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }

    @Bean
    @ConditionalOnMissingBean
    McpSessionManager mcpSessionManager(McpProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new McpSessionManager(properties, meters.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    RemoteMcpSessions remoteMcpSessions(RemoteMcpProperties properties, Clock clock) {
        return new RemoteMcpSessions(properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionSessions connectionSessions(McpSessionManager mcp, RemoteMcpSessions remote) {
        return new ConnectionSessions(mcp, remote);
    }

    @Bean
    @ConditionalOnProperty(name = "yarnnn.providers.folder.enabled", matchIfMissing = true)
    FolderExportProvider folderExportProvider(McpSessionManager mcp, FolderProperties properties) {
        return new FolderExportProvider(mcp, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ProviderRegistry providerRegistry(List<ExportProvider> providers, ObjectProvider<HostedProviders> hosted) {
        List<ExportProvider> all = new ArrayList<>(providers);
        hosted.ifAvailable(declared -> all.addAll(declared.providers()));
        return new ProviderRegistry(all);
    }
}
