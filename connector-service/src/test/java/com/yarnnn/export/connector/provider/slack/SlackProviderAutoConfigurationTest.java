package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SlackProviderAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class,
                    SlackProviderAutoConfiguration.class))
            .withPropertyValues("yarnnn.providers.folder.enabled=false");

    @Test
    void registersSlackWhereConnectionsCanBeOpened() {
        context.withBean(ConnectionAccess.class, () -> id -> {
                    throw new ConnectionUnusableException("not_connected", "none");
                })
                .withPropertyValues("yarnnn.providers.slack.max-message-chars=3000")
                .run(ctx -> {
                    assertThat(ctx.getBean(ProviderRegistry.class).available()).containsExactly(new ProviderDescriptor(
                            "slack", "Slack", "Post the deliverable to a Slack channel; long ones continue in the "
                            + "message's thread", "slack", true));
                    assertThat(ctx.getBean(SlackProperties.class).maxMessageChars()).isEqualTo(3000);
                });
    }

    @Test
    void buildsTheStdioProviderByDefaultAndTheHostedOneOnTransportRemote() {
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .run(ctx -> assertThat(ctx.getBean(SlackExportProvider.class).transport())
                        .isEqualTo(SlackProperties.Transport.STDIO));
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .withPropertyValues("yarnnn.providers.slack.transport=stdio")
                .run(ctx -> assertThat(ctx.getBean(SlackExportProvider.class).transport())
                        .isEqualTo(SlackProperties.Transport.STDIO));
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .withPropertyValues("yarnnn.providers.slack.transport=remote",
                        "yarnnn.mcp.remote.servers.slack.url=https://mcp.slack.com/mcp")
                .run(ctx -> assertThat(ctx.getBean(SlackExportProvider.class).transport())
                        .isEqualTo(SlackProperties.Transport.REMOTE));
    }

    @Test
    void refusesTransportRemoteWithoutTheHostedServersUrl() {
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .withPropertyValues("yarnnn.providers.slack.transport=remote")
                .run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void staysAwayWithoutConnectionsOrWhenDisabled() {
        context.run(ctx -> assertThat(ctx).doesNotHaveBean(SlackExportProvider.class));
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .withPropertyValues("yarnnn.providers.slack.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(SlackExportProvider.class));
    }

    @Test
    void refusesAMessageLimitSlackWouldTruncate() {
        context.withBean(ConnectionAccess.class, () -> id -> null)
                .withPropertyValues("yarnnn.providers.slack.max-message-chars=50000")
                .run(ctx -> assertThat(ctx).hasFailed());
    }
}
