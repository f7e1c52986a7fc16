package com.yarnnn.export.connector.vault;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's AES-256 keys by id. Every key decrypts; only the active one encrypts, so a new key can be made active
 * while tokens sealed with the older ones stay readable until they are re-encrypted.
 */
public final class VaultKeyRing {

    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int KEY_BYTES = 32;
    private static final String GENERATE = "generate a key with: openssl rand -base64 32";

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private VaultKeyRing(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * Reads {@code id:base64-of-32-bytes[,id:base64…]}; the active key is {@code activeKeyId}, or the first listed
     * when that is blank.
     *
     * @throws VaultConfigurationException naming what is wrong and how to fix it, never a key
     */
    public static VaultKeyRing parse(String keyList, String activeKeyId) {
        if (keyList == null || keyList.isBlank()) {
            throw new VaultConfigurationException("No token vault key is configured. Set YARNNN_VAULT_KEYS "
                    + "(property yarnnn.vault.keys) to comma-separated id:base64-key entries of 32 random bytes each, "
                    + "e.g. YARNNN_VAULT_KEYS=\"k1:$(openssl rand -base64 32)\".");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = keyList.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new VaultConfigurationException("Entry " + (i + 1) + " of YARNNN_VAULT_KEYS (yarnnn.vault.keys) "
                        + "is not of the form id:base64-key; " + GENERATE + ".");
            }
            String id = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new VaultConfigurationException("Entry " + (i + 1) + " of YARNNN_VAULT_KEYS (yarnnn.vault.keys) "
                        + "has an invalid key id: use 1 to 64 letters, digits, '.', '_' or '-'.");
            }
            if (keys.put(id, aesKey(id, entry.substring(colon + 1).strip())) != null) {
                throw new VaultConfigurationException("Vault key id '" + id + "' is listed twice in YARNNN_VAULT_KEYS "
                        + "(yarnnn.vault.keys).");
            }
        }
        String active = activeKeyId == null || activeKeyId.isBlank() ? keys.keySet().iterator().next()
                : activeKeyId.strip();
        if (!keys.containsKey(active)) {
            throw new VaultConfigurationException("YARNNN_VAULT_ACTIVE_KEY_ID (yarnnn.vault.active-key-id) names key '"
                    + active + "', which is not in YARNNN_VAULT_KEYS (configured ids: "
                    + String.join(", ", keys.keySet()) + ").");
        }
        return new VaultKeyRing(keys, active);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new VaultConfigurationException("Vault key '" + id + "' in YARNNN_VAULT_KEYS (yarnnn.vault.keys) "
                    + "is not valid base64; " + GENERATE + ".");
        }
        if (bytes.length != KEY_BYTES) {
            throw new VaultConfigurationException("Vault key '" + id + "' in YARNNN_VAULT_KEYS (yarnnn.vault.keys) is "
                    + bytes.length + " bytes; AES-256 needs exactly 32: " + GENERATE + ".");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "VaultKeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
