package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The providers {@link HostedProvidersProperties} declares, built once at start. */
public final class HostedProviders {

    private final List<ExportProvider> providers;

    /**
     * @param mappings creates a declared mapping class (Spring's bean factory, so it may take configuration)
     * @throws IllegalArgumentException when a declaration names no mapping, or a server that is not configured
     */
    public HostedProviders(HostedProvidersProperties properties, RemoteMcpSessions sessions, ConnectionAccess access,
            Function<Class<? extends HostedToolMapping>, HostedToolMapping> mappings) {
        this.providers = properties.hosted().entrySet().stream()
                .filter(declared -> declared.getValue().offered())
                .sorted(Map.Entry.comparingByKey())
                .map(declared -> provider(declared.getKey(), declared.getValue(), sessions, access, mappings))
                .toList();
    }

    public List<ExportProvider> providers() {
        return providers;
    }

    private static ExportProvider provider(String id, HostedProvidersProperties.HostedProvider declared,
            RemoteMcpSessions sessions, ConnectionAccess access,
            Function<Class<? extends HostedToolMapping>, HostedToolMapping> mappings) {
        if (declared.mapping() == null) {
            throw new IllegalArgumentException("yarnnn.providers.hosted." + id
                    + ".mapping must name the HostedToolMapping class that delivers with the server's tools");
        }
        String name = declared.displayName() != null ? declared.displayName() : id;
        ProviderDescriptor descriptor = new ProviderDescriptor(id, name,
                declared.description() != null ? declared.description() : "Export the deliverable to " + name,
                declared.icon() != null ? declared.icon() : id, true);
        return new HostedMcpExportProvider(descriptor, mappings.apply(declared.mapping()), sessions,
                sessions.server(declared.server() != null ? declared.server() : id),
                new ProviderConnections(id, access, "Connect a " + name + " account to export to " + name));
    }
}
