package com.yarnnn.export.connector.provider.hosted;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Providers declared in configuration, by id ({@code yarnnn.providers.hosted.<id>.*}); each is delivered through a
 * vendor's hosted MCP server.
 */
@ConfigurationProperties("yarnnn.providers")
public record HostedProvidersProperties(Map<String, HostedProvider> hosted) {

    public HostedProvidersProperties {
        hosted = hosted != null ? Map.copyOf(hosted) : Map.of();
    }

    /**
     * @param displayName what the product calls it, e.g. {@code Linear}; default the id
     * @param description what an export does there, shown beside it
     * @param icon        the icon name the page shows; default the id
     * @param server      the hosted server it calls ({@code yarnnn.mcp.remote.servers.<server>}); default the id
     * @param mapping     the {@link HostedToolMapping} that delivers with the server's tools (required)
     * @param enabled     whether it is offered; default true
     */
    public record HostedProvider(String displayName, String description, String icon, String server,
            Class<? extends HostedToolMapping> mapping, Boolean enabled) {

        boolean offered() {
            return enabled == null || enabled;
        }
    }
}
