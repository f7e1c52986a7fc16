package com.yarnnn.export.connector.vault;

/**
 * A stored token cannot be decrypted: its key is not in the key ring, or the bytes were altered. The message names
 * the key id, never the token or the key.
 */
public class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
