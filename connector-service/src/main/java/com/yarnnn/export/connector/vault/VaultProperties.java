package com.yarnnn.export.connector.vault;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token vault's key ring.
 *
 * @param keys        {@code id:base64-of-32-bytes}, comma-separated (environment {@code YARNNN_VAULT_KEYS})
 * @param activeKeyId the key that encrypts, the first listed when empty
 *                    (environment {@code YARNNN_VAULT_ACTIVE_KEY_ID})
 */
@ConfigurationProperties("yarnnn.vault")
public record VaultProperties(String keys, String activeKeyId) {

    @Override
    public String toString() {
        return "VaultProperties[keys=[redacted], activeKeyId=" + activeKeyId + "]";
    }
}
