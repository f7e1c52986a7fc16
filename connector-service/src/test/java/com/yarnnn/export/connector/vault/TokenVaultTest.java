package com.yarnnn.export.connector.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.credential.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenVaultTest {

    static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    private static final Secret TOKEN = Secret.of("xoxb-1234-very-secret-token");

    private final TokenVault vault = vault("k1:" + KEY_1);

    @Test
    void aSealedTokenOpensToTheSameValue() {
        assertThat(vault.decrypt(vault.encrypt(TOKEN))).isEqualTo(TOKEN);
        assertThat(vault.decrypt(vault.encrypt(Secret.of("")))).isEqualTo(Secret.of(""));
        assertThat(vault.decrypt(vault.encrypt(Secret.of("ünïcødé ✓")))).isEqualTo(Secret.of("ünïcødé ✓"));
    }

    @Test
    void theFormatIsVersionKeyIdNonceThenCiphertextWithTag() {
        byte[] sealed = vault.encrypt(TOKEN);
        int plaintextLength = TOKEN.reveal().getBytes(StandardCharsets.UTF_8).length;

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) 2);
        assertThat(new String(sealed, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
        assertThat(sealed).hasSize(2 + 2 + 12 + plaintextLength + 16);
        assertThat(vault.keyIdOf(sealed)).isEqualTo("k1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN.reveal());
    }

    @Test
    void twoEncryptionsOfTheSameTokenDifferInNonceAndCiphertext() {
        byte[] first = vault.encrypt(TOKEN);
        byte[] second = vault.encrypt(TOKEN);

        assertThat(Arrays.copyOfRange(first, 4, 16)).isNotEqualTo(Arrays.copyOfRange(second, 4, 16));
        assertThat(Arrays.copyOfRange(first, 16, first.length))
                .isNotEqualTo(Arrays.copyOfRange(second, 16, second.length));
    }

    @Test
    void afterANewActiveKeyOldTokensStillOpenAndNewOnesUseTheNewKey() {
        byte[] underOldKey = vault.encrypt(TOKEN);
        TokenVault rotated = vault("k1:" + KEY_1 + ", k2:" + KEY_2, "k2");

        assertThat(rotated.decrypt(underOldKey)).isEqualTo(TOKEN);
        assertThat(rotated.isSealedWithActiveKey(underOldKey)).isFalse();
        byte[] underNewKey = rotated.encrypt(TOKEN);
        assertThat(rotated.keyIdOf(underNewKey)).isEqualTo("k2");
        assertThat(rotated.isSealedWithActiveKey(underNewKey)).isTrue();
        assertThat(rotated.decrypt(underNewKey)).isEqualTo(TOKEN);
    }

    @Test
    void aTokenWhoseKeyIsNotInTheRingFailsNamingTheKeyId() {
        byte[] sealed = vault.encrypt(TOKEN);

        assertThatThrownBy(() -> vault("k2:" + KEY_2).decrypt(sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("YARNNN_VAULT_KEYS")
                .hasMessageNotContaining(TOKEN.reveal())
                .hasMessageNotContaining(KEY_1)
                .hasMessageNotContaining(KEY_2);
    }

    @Test
    void aWrongKeyUnderTheSameIdFailsAuthentication() {
        byte[] sealed = vault.encrypt(TOKEN);

        assertThatThrownBy(() -> vault("k1:" + KEY_2).decrypt(sealed))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining("failed authentication");
    }

    @Test
    void anyAlteredByteOfTheNonceOrCiphertextIsDetected() {
        byte[] sealed = vault.encrypt(TOKEN);
        for (int i = 4; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> vault.decrypt(tampered))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("'k1'")
                    .hasMessageContaining("altered")
                    .hasMessageNotContaining(TOKEN.reveal());
        }
    }

    @Test
    void theKeyIdIsBoundToTheCiphertext() {
        // the same key under two ids: only the associated data tells them apart
        TokenVault sameKeyTwice = vault("k1:" + KEY_1 + ",k9:" + KEY_1);
        byte[] sealed = sameKeyTwice.encrypt(TOKEN);
        byte[] swapped = sealed.clone();
        swapped[3] = '9';

        assertThat(sameKeyTwice.keyIdOf(swapped)).isEqualTo("k9");
        assertThatThrownBy(() -> sameKeyTwice.decrypt(swapped))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("'k9'")
                .hasMessageContaining("failed authentication");
    }

    @Test
    void bytesThatAreNotASealedTokenFailLoudly() {
        byte[] sealed = vault.encrypt(TOKEN);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> vault.decrypt(otherVersion)).isInstanceOf(VaultException.class)
                .hasMessageContaining("not in the vault's format");
        assertThatThrownBy(() -> vault.decrypt(Arrays.copyOf(sealed, 20))).isInstanceOf(VaultException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> vault.decrypt(TOKEN.reveal().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VaultException.class)
                .hasMessageNotContaining(TOKEN.reveal());
    }

    @Test
    void noKeyAppearsInToString() {
        VaultKeyRing ring = VaultKeyRing.parse("k1:" + KEY_1 + ",k2:" + KEY_2, "k2");
        VaultProperties properties = new VaultProperties("k1:" + KEY_1, "k1");

        assertThat(ring).hasToString("VaultKeyRing[active=k2, keys=[k1, k2]]");
        assertThat(new TokenVault(ring).toString()).doesNotContain(KEY_1).doesNotContain(KEY_2);
        assertThat(properties.toString()).doesNotContain(KEY_1).contains("redacted");
    }

    static TokenVault vault(String keys) {
        return vault(keys, null);
    }

    static TokenVault vault(String keys, String activeKeyId) {
        return new TokenVault(VaultKeyRing.parse(keys, activeKeyId));
    }
}
