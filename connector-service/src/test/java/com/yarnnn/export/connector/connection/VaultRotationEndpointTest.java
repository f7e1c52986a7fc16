package com.yarnnn.export.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.VaultRotation.RotationReport;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultKeyRing;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.JdkIdGenerator;

/** The store and rotation exist only with a database; the operators' endpoint only once they expose it. */
class VaultRotationEndpointTest {

    private static final String OLD_KEY = "ep-0:b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new TestInfrastructureInitializer())
            .withPropertyValues("spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml")
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                    ConnectorAutoConfiguration.class, ConnectionAutoConfiguration.class,
                    VaultRotationAutoConfiguration.class));

    @Test
    void withADatabaseThereAreAStoreAndARotationButNoEndpointUntilExposed() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(JdbcConnectionStore.class)
                .hasSingleBean(VaultRotation.class)
                .doesNotHaveBean(VaultRotationEndpoint.class));
    }

    @Test
    void anExposedEndpointRunsTheRotation() {
        String keys = TestInfrastructureInitializer.TEST_VAULT_KEYS + "," + OLD_KEY;
        runner.withPropertyValues("management.endpoints.web.exposure.include=vaultrotation",
                        "yarnnn.vault.keys=" + keys)
                .run(context -> {
                    JdbcConnectionStore underOldKey = new JdbcConnectionStore(context.getBean(JdbcClient.class),
                            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)),
                            new TokenVault(VaultKeyRing.parse(keys, "ep-0")), Clock.systemUTC(), new JdkIdGenerator());
                    UUID id = underOldKey.save(new NewConnection(UUID.randomUUID(), "notion", "W", "W", Map.of(),
                            Secret.of("ntn-token"), null, null, null)).id();

                    RotationReport report = context.getBean(VaultRotationEndpoint.class).rotate();

                    assertThat(report.activeKeyId()).isEqualTo("test-1");
                    assertThat(report.reencrypted()).isPositive();
                    assertThat(report.failed()).doesNotContain(id);
                    ConnectionStore store = context.getBean(ConnectionStore.class);
                    assertThat(store.tokens(id).accessToken()).isEqualTo(Secret.of("ntn-token"));
                    store.delete(id);
                });
        assertThat(AnnotationUtils.findAnnotation(VaultRotationEndpoint.class, Endpoint.class).id())
                .isEqualTo("vaultrotation");
    }

    @Test
    void withoutADatabaseThereIsOnlyTheVault() {
        new ApplicationContextRunner()
                .withPropertyValues("yarnnn.vault.keys=" + TestInfrastructureInitializer.TEST_VAULT_KEYS,
                        "management.endpoints.web.exposure.include=vaultrotation")
                .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class,
                        ConnectionAutoConfiguration.class, VaultRotationAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ConnectionStore.class)
                        .doesNotHaveBean(VaultRotation.class)
                        .doesNotHaveBean(VaultRotationEndpoint.class));
    }
}
