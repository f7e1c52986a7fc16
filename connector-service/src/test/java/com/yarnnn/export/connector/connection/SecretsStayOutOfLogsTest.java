package com.yarnnn.export.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.JdbcConnectionStore.SealedTokens;
import com.yarnnn.export.connector.connection.VaultRotation.RotationReport;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.testing.LogCapture;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultException;
import com.yarnnn.export.connector.vault.VaultKeyRing;
import com.yarnnn.export.connector.vault.VaultProperties;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Tokens and keys stay out of every log line (down to JDBC's TRACE parameter logging), exception message and
 * {@code toString()} through saving, reading, refreshing, rotating and the failures on the way.
 */
@SpringBootTest(classes = ConnectionTestApplication.class, properties = "yarnnn.providers.folder.enabled=false")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class SecretsStayOutOfLogsTest {

    private static final String TEST_KEY = TestInfrastructureInitializer.TEST_VAULT_KEYS.split(":")[1];
    private static final String ROTATION_KEY = "bG9nLWtleS1sb2cta2V5LWxvZy1rZXktbG9nLWtleSE=";
    private static final String LOST_KEY = "bG9zdC1rZXktbG9zdC1rZXktbG9zdC1rZXktbG9zdCE=";
    private static final Secret ACCESS = Secret.of("xoxb-access-token-0001");
    private static final Secret REFRESH = Secret.of("xoxe-refresh-token-0002");
    private static final Secret REFRESHED = Secret.of("xoxb-access-token-0003");
    private static final Secret UNREADABLE = Secret.of("xoxb-access-token-0004");
    private static final List<String> SECRETS = List.of(ACCESS.reveal(), REFRESH.reveal(), REFRESHED.reveal(),
            UNREADABLE.reveal(), TEST_KEY, ROTATION_KEY, LOST_KEY);
    private static final List<String> VERBOSE = List.of("com.yarnnn", "org.springframework.jdbc",
            "org.springframework.transaction");

    @Autowired
    ConnectionStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KeyRings keyRings;

    private final UUID user = UUID.randomUUID();
    private LogCapture logs;

    @BeforeEach
    void captureEverything() {
        logs = LogCapture.withTrace(VERBOSE);
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
        jdbc.sql("delete from user_integrations where user_id = :user").param("user", user).update();
    }

    @Test
    void noTokenOrKeyReachesALogLineAnExceptionOrAToString() {
        List<Object> holders = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();

        NewConnection newConnection = new NewConnection(user, "slack", "T1", "Team", Map.of("bot_user_id", "U1"),
                ACCESS, REFRESH, Instant.parse("2026-12-01T00:00:00Z"), "chat:write");
        Connection connection = store.save(newConnection);
        holders.addAll(List.of(newConnection, connection, store.tokens(connection.id()), store.listForUser(user)));
        store.withRowLock(connection.id(), () -> {
            store.updateTokens(connection.id(), new StoredTokens(REFRESHED, null, null));
            return null;
        });
        holders.add(store.tokens(connection.id()));

        TokenVault lostVault = keyRings.vault("lost:" + LOST_KEY, "lost");
        UUID unreadable = keyRings.store(lostVault).save(new NewConnection(user, "slack", "T2", "Team 2", Map.of(),
                UNREADABLE, null, null, null)).id();
        String keys = TestInfrastructureInitializer.TEST_VAULT_KEYS + ",log-2:" + ROTATION_KEY;
        TokenVault rotatingVault = keyRings.vault(keys, "log-2");
        RotationReport rotation = new VaultRotation(keyRings.store(rotatingVault), rotatingVault, 10).run();
        TokenVault backVault = keyRings.vault(keys, "test-1");
        new VaultRotation(keyRings.store(backVault), backVault, 10).run();
        assertThat(rotation.failed()).contains(unreadable);
        holders.addAll(List.of(rotation, lostVault, rotatingVault, VaultKeyRing.parse("k:" + TEST_KEY, null),
                new VaultProperties("k:" + TEST_KEY, null),
                new SealedTokens(connection.id(), rotatingVault.encrypt(ACCESS), null)));

        failures.add(catchThrowable(() -> store.tokens(unreadable)));
        tamper(connection.id());
        failures.add(catchThrowable(() -> store.tokens(connection.id())));
        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(VaultException.class));
        failures.forEach(failure -> LoggerFactory.getLogger(getClass()).error("A caller logs the failure", failure));

        assertThat(logs.lines()).anySatisfy(message -> assertThat(message).contains("Vault rotation to key 'log-2'"))
                .anySatisfy(message -> assertThat(message).contains("Connection " + unreadable
                        + " was not re-encrypted: Cannot decrypt a token sealed with vault key 'lost'"))
                .anySatisfy(message -> assertThat(message).contains("parameter value"));
        List<String> seen = new ArrayList<>(logs.lines());
        holders.forEach(holder -> seen.add(holder.toString()));
        failures.forEach(failure -> seen.add(String.valueOf(failure.getMessage())));
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(SECRETS));
    }

    private void tamper(UUID connectionId) {
        byte[] sealed = jdbc.sql("select access_token_encrypted from user_integrations where id = :id")
                .param("id", connectionId).query(byte[].class).single();
        sealed[sealed.length - 1] ^= 1;
        jdbc.sql("update user_integrations set access_token_encrypted = :sealed where id = :id")
                .param("id", connectionId).param("sealed", sealed).update();
    }
}
