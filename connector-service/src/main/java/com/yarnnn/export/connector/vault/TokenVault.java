package com.yarnnn.export.connector.vault;

import com.yarnnn.export.connector.credential.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts tokens at rest with AES-256-GCM. A sealed token is
 * {@code version (1 byte) | key id length (1 byte) | key id (UTF-8) | nonce (12 bytes) | ciphertext + 128-bit tag};
 * the header (version and key id) is the GCM associated data, so it cannot be changed without failing decryption.
 * Each encryption draws a fresh random nonce.
 */
public final class TokenVault {

    static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final VaultKeyRing keyRing;
    private final SecureRandom random = new SecureRandom();

    public TokenVault(VaultKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    public String activeKeyId() {
        return keyRing.activeKeyId();
    }

    /** Seals the token with the active key. */
    public byte[] encrypt(Secret token) {
        byte[] header = header(keyRing.activeKeyId());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] body = crypt(Cipher.ENCRYPT_MODE, keyRing.activeKey(), nonce, header,
                token.reveal().getBytes(StandardCharsets.UTF_8), keyRing.activeKeyId());
        return ByteBuffer.allocate(header.length + nonce.length + body.length).put(header).put(nonce).put(body).array();
    }

    /**
     * Opens a token sealed with any key of the ring.
     *
     * @throws VaultException when the key id is not in the ring, or the bytes were altered or are not a sealed token
     */
    public Secret decrypt(byte[] sealed) {
        String keyId = keyIdOf(sealed);
        SecretKey key = keyRing.key(keyId).orElseThrow(() -> new VaultException("Cannot decrypt a token sealed with "
                + "vault key '" + keyId + "': that key is not in YARNNN_VAULT_KEYS (configured ids: "
                + String.join(", ", keyRing.keyIds()) + "). Add it back to decrypt, then re-encrypt."));
        int headerLength = 2 + sealed[1];
        byte[] nonce = Arrays.copyOfRange(sealed, headerLength, headerLength + NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(sealed, headerLength + NONCE_BYTES, sealed.length);
        byte[] plaintext = crypt(Cipher.DECRYPT_MODE, key, nonce, Arrays.copyOf(sealed, headerLength), body, keyId);
        return Secret.of(new String(plaintext, StandardCharsets.UTF_8));
    }

    /**
     * The id of the key a token was sealed with, read from its header.
     *
     * @throws VaultException when the bytes are not a sealed token of a known format version
     */
    public String keyIdOf(byte[] sealed) {
        if (sealed.length < 2 || sealed[0] != VERSION) {
            throw new VaultException("A stored token is not in the vault's format (version " + VERSION + ").");
        }
        int idLength = sealed[1];
        if (idLength < 1 || sealed.length < 2 + idLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new VaultException("A stored token is truncated or not in the vault's format.");
        }
        String keyId = new String(sealed, 2, idLength, StandardCharsets.UTF_8);
        if (!VaultKeyRing.KEY_ID.matcher(keyId).matches()) {
            throw new VaultException("A stored token has an invalid key id in its header: it was altered.");
        }
        return keyId;
    }

    /** Whether a token is sealed with the active key (else re-encryption would move it there). */
    public boolean isSealedWithActiveKey(byte[] sealed) {
        return keyRing.activeKeyId().equals(keyIdOf(sealed));
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + id.length).put(VERSION).put((byte) id.length).put(id).array();
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] header, byte[] input, String keyId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            return cipher.doFinal(input);
        } catch (AEADBadTagException altered) {
            throw new VaultException("Cannot decrypt a token sealed with vault key '" + keyId + "': it failed "
                    + "authentication, so it was altered or that id names a different key than it was sealed with.",
                    altered);
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException("AES-GCM with vault key '" + keyId + "' failed", unexpected);
        }
    }

    @Override
    public String toString() {
        return "TokenVault[" + keyRing + "]";
    }
}
