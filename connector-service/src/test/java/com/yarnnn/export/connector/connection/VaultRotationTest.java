package com.yarnnn.export.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.VaultRotation.RotationReport;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Key rotation on the real PostgreSQL: a new active key leaves old tokens readable, and re-encryption moves every
 * stored token to it without changing a value. Ends by rotating back to the tests' key, as an operator could.
 */
@SpringBootTest(classes = ConnectionTestApplication.class, properties = "yarnnn.providers.folder.enabled=false")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class VaultRotationTest {

    private static final String NEW_KEY = "rot-2:bmV3LWtleS1uZXcta2V5LW5ldy1rZXktbmV3LWtleSE=";

    @Autowired
    ConnectionStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyRings keyRings;

    private final UUID user = UUID.randomUUID();

    @Test
    void reencryptionMovesEveryTokenToTheActiveKeyAndKeepsTheValues() {
        Map<UUID, StoredTokens> saved = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            Secret refresh = i % 2 == 0 ? Secret.of("refresh-" + i) : null;
            StoredTokens tokens = new StoredTokens(Secret.of("access-" + i), refresh, Instant.parse("2026-12-01T00:00:00Z"));
            saved.put(save(store, "A" + i, tokens), tokens);
        }
        assertThat(keyIds(saved::containsKey).values()).allSatisfy(keys -> assertThat(keys).containsOnly("test-1"));
        String ring = TestInfrastructureInitializer.TEST_VAULT_KEYS + "," + NEW_KEY;
        TokenVault rotatedVault = keyRings.vault(ring, "rot-2");
        JdbcConnectionStore rotated = keyRings.store(rotatedVault);
        StoredTokens alreadyNew = new StoredTokens(Secret.of("access-new"), Secret.of("refresh-new"), null);
        saved.put(save(rotated, "B", alreadyNew), alreadyNew);

        saved.forEach((id, tokens) -> assertThat(rotated.tokens(id)).isEqualTo(tokens));
        int rows = rowCount();
        long underNewKey = keyIds(id -> true).values().stream().filter(List.of("rot-2")::equals).count();

        RotationReport report = new VaultRotation(rotated, rotatedVault, 2).run();

        assertThat(report.activeKeyId()).isEqualTo("rot-2");
        assertThat(report.examined()).isEqualTo(rows);
        assertThat(report.reencrypted()).isEqualTo(rows - underNewKey - report.failed().size());
        assertThat(report.failed()).doesNotContainAnyElementsOf(saved.keySet());
        assertThat(keyIds(id -> !report.failed().contains(id)).values()).allSatisfy(
                keys -> assertThat(keys).containsOnly("rot-2"));
        saved.forEach((id, tokens) -> assertThat(rotated.tokens(id)).isEqualTo(tokens));

        RotationReport again = new VaultRotation(rotated, rotatedVault, 2).run();
        assertThat(again.reencrypted()).isZero();

        TokenVault backVault = keyRings.vault(ring, "test-1");
        RotationReport back = new VaultRotation(keyRings.store(backVault), backVault, 100).run();
        assertThat(back.reencrypted()).isEqualTo(report.reencrypted() + underNewKey);
        assertThat(keyIds(saved::containsKey).values()).allSatisfy(keys -> assertThat(keys).containsOnly("test-1"));
        saved.forEach((id, tokens) -> assertThat(store.tokens(id)).isEqualTo(tokens));
    }

    private UUID save(ConnectionStore target, String account, StoredTokens tokens) {
        return target.save(new NewConnection(user, "slack", account, account, Map.of(), tokens.accessToken(),
                tokens.refreshToken(), tokens.expiresAt(), null)).id();
    }



    private int rowCount() {
        return jdbc.sql("select count(*) from user_integrations").query(Integer.class).single();
    }

    /** The key ids in the stored bytes (version 1 header: version, id length, id), read without the vault. */
    private Map<UUID, List<String>> keyIds(Predicate<UUID> which) {
        Map<UUID, List<String>> keyIds = new HashMap<>();
        jdbc.sql("select id, access_token_encrypted, refresh_token_encrypted from user_integrations").query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            if (which.test(id)) {
                List<String> keys = new ArrayList<>();
                for (byte[] sealed : new byte[][] {rs.getBytes(2), rs.getBytes(3)}) {
                    if (sealed != null) {
                        assertThat(sealed[0]).isEqualTo((byte) 1);
                        keys.add(new String(sealed, 2, sealed[1], StandardCharsets.UTF_8));
                    }
                }
                keyIds.put(id, keys.stream().distinct().toList());
            }
        });
        return keyIds;
    }
}
