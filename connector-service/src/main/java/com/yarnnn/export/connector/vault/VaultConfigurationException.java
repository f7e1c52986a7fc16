package com.yarnnn.export.connector.vault;

/** The key ring is missing or unusable; the application must not start. The message never holds key material. */
public class VaultConfigurationException extends RuntimeException {

    public VaultConfigurationException(String message) {
        super(message);
    }
}
