package com.yarnnn.export.localstack;

import java.security.SecureRandom;
import java.util.Base64;

/** The token vault's key ring for a local stack started without {@code YARNNN_VAULT_KEYS}. */
public final class DevVaultKeys {

    private DevVaultKeys() {
    }

    /** One fresh random AES-256 key: what it seals cannot be read after the process ends. */
    public static String random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "local:" + Base64.getEncoder().encodeToString(key);
    }
}
