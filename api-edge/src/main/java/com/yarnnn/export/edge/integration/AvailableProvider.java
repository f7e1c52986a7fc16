package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.provider.ProviderDescriptor;

/**
 * A provider the user can export to.
 *
 * @param connectable whether an account can be connected here: false for a provider that needs one when its OAuth
 *                    app is not configured
 */
public record AvailableProvider(String id, String displayName, String description, String icon,
        boolean requiresConnection, boolean connectable) {

    static AvailableProvider of(ProviderDescriptor descriptor, boolean connectable) {
        return new AvailableProvider(descriptor.id(), descriptor.displayName(), descriptor.description(),
                descriptor.icon(), descriptor.requiresConnection(), connectable);
    }
}
