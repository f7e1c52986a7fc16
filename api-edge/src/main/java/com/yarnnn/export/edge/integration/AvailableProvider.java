package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.provider.ProviderDescriptor;

/** A provider the user can export to. */
public record AvailableProvider(String id, String displayName, String description, String icon,
        boolean requiresConnection) {

    static AvailableProvider of(ProviderDescriptor descriptor) {
        return new AvailableProvider(descriptor.id(), descriptor.displayName(), descriptor.description(),
                descriptor.icon(), descriptor.requiresConnection());
    }
}
