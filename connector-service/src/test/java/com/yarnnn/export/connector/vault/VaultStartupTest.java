package com.yarnnn.export.connector.vault;

import static com.yarnnn.export.connector.vault.TokenVaultTest.KEY_1;
import static com.yarnnn.export.connector.vault.TokenVaultTest.KEY_2;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ConnectionAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application does not start without a usable key ring, and says what to set. */
class VaultStartupTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectionAutoConfiguration.class));

    @Test
    void startsWithAKeyRingAndEncryptsWithTheFirstKeyByDefault() {
        runner.withPropertyValues("yarnnn.vault.keys=k1:" + KEY_1 + ",k2:" + KEY_2).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TokenVault.class).doesNotHaveBean(ConnectionStore.class);
            assertThat(context.getBean(TokenVault.class).activeKeyId()).isEqualTo("k1");
        });
    }

    @Test
    void theActiveKeyIdChoosesTheKeyThatEncrypts() {
        runner.withPropertyValues("yarnnn.vault.keys=k1:" + KEY_1 + ",k2:" + KEY_2, "yarnnn.vault.active-key-id=k2")
                .run(context -> assertThat(context.getBean(TokenVault.class).activeKeyId()).isEqualTo("k2"));
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertStartupFails(runner, "No token vault key is configured. Set YARNNN_VAULT_KEYS",
                "openssl rand -base64 32");
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys= "), "No token vault key is configured");
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        String shortKey = "c2hvcnQta2V5LW9mLTE2Yg==";
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=k1:" + shortKey),
                "Vault key 'k1' in YARNNN_VAULT_KEYS (yarnnn.vault.keys) is 16 bytes; AES-256 needs exactly 32",
                "openssl rand -base64 32");
    }

    @Test
    void refusesAnActiveKeyIdThatIsNotInTheRing() {
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=k1:" + KEY_1, "yarnnn.vault.active-key-id=k7"),
                "YARNNN_VAULT_ACTIVE_KEY_ID (yarnnn.vault.active-key-id) names key 'k7', which is not in "
                        + "YARNNN_VAULT_KEYS (configured ids: k1)");
    }

    @Test
    void refusesMalformedEntriesWithoutEchoingThem() {
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=" + KEY_1),
                "Entry 1 of YARNNN_VAULT_KEYS (yarnnn.vault.keys) is not of the form id:base64-key");
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=k1:" + KEY_1 + ",k 2:" + KEY_2),
                "Entry 2 of YARNNN_VAULT_KEYS (yarnnn.vault.keys) has an invalid key id");
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=k1:not base64!"),
                "Vault key 'k1' in YARNNN_VAULT_KEYS (yarnnn.vault.keys) is not valid base64");
        assertStartupFails(runner.withPropertyValues("yarnnn.vault.keys=k1:" + KEY_1 + ",k1:" + KEY_2),
                "Vault key id 'k1' is listed twice");
    }

    @Test
    void theStartupReportSaysWhatToSet() {
        runner.run(context -> {
            FailureAnalysis analysis = new VaultConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("No token vault key is configured");
            assertThat(analysis.getAction()).contains("YARNNN_VAULT_KEYS=\"k1:$(openssl rand -base64 32)\"");
        });
    }

    private static void assertStartupFails(ApplicationContextRunner runner, String... messageParts) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(VaultConfigurationException.class)
                    .hasMessageContainingAll(messageParts)
                    .hasMessageNotContaining(KEY_1)
                    .hasMessageNotContaining(KEY_2);
        });
    }
}
