package com.yarnnn.export.connector.provider;

/**
 * What the product shows about a provider.
 *
 * @param requiresConnection whether the user must connect an account first (OAuth)
 */
public record ProviderDescriptor(String id, String displayName, String description, String icon,
        boolean requiresConnection) {
}
