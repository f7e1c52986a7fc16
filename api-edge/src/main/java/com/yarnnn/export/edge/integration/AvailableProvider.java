package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.provider.ProviderDescriptor;

/**
 * A provider the user can export to: the design's {@code id, name, description, icon}, and this API's additions.
 *
 * @param displayName the same as {@code name}, under the name this API answered first
 * @param connectable whether an account can be connected here: false for a provider that needs one when its OAuth
 *                    app is not configured
 */
public record AvailableProvider(String id, String name, String displayName, String description, String icon,
        boolean requiresConnection, boolean connectable) {

    static AvailableProvider of(ProviderDescriptor descriptor, boolean connectable) {
        return new AvailableProvider(descriptor.id(), descriptor.displayName(), descriptor.displayName(),
                descriptor.description(), descriptor.icon(), descriptor.requiresConnection(), connectable);
    }
}
