package com.yarnnn.export.connector.provider.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GmailProviderAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class, GmailProviderAutoConfiguration.class))
            .withPropertyValues("yarnnn.providers.folder.enabled=false");

    @Test
    void registersGmailWhereConnectionsCanBeOpened() {
        context.withBean(ConnectionAccess.class, () -> id -> {
            throw new ConnectionUnusableException("not_connected", "none");
        }).withPropertyValues("yarnnn.providers.gmail.api-base-url=http://127.0.0.1:1")
                .run(app -> {
                    assertThat(app.getBean(ProviderRegistry.class).ids()).containsExactly("gmail");
                    assertThat(app.getBean(GmailProperties.class).serverJar()).isEqualTo("java/gmail-mcp-server.jar");
                    assertThat(app.getBean(GmailProperties.class).apiBaseUrl()).hasToString("http://127.0.0.1:1");
                });
    }

    @Test
    void staysOffWithoutConnectionsOrWhenDisabled() {
        context.run(app -> assertThat(app).doesNotHaveBean(GmailExportProvider.class));
        context.withBean(ConnectionAccess.class, () -> id -> null).withPropertyValues("yarnnn.providers.gmail.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(GmailExportProvider.class));
    }
}
