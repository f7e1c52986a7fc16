package com.yarnnn.export.connector.provider.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.fakes.notion.FakeNotionApi;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotionProviderAutoConfigurationTest {

    private static final String SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"))
            .toAbsolutePath().toString();
    private static final String TOKEN = "ntn_context_5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e";

    @TempDir
    Path exports;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class,
                        NotionProviderAutoConfiguration.class))
                .withPropertyValues("yarnnn.mcp.servers-dir=" + SERVERS, "yarnnn.providers.folder.root=" + exports);
    }

    @Test
    void registersNotionWhereConnectionsCanBeOpened() {
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection).run(context -> {
            assertThat(context.getBean(ProviderRegistry.class).available()).contains(new ProviderDescriptor("notion",
                    "Notion", "Add the deliverable as a new page under a Notion page shared with YARNNN", "notion", true));
        });
    }

    @Test
    void staysOutWithoutConnectionsOrWhenDisabled() {
        runner().run(context -> assertThat(context).doesNotHaveBean(NotionExportProvider.class)
                .doesNotHaveBean(HostedNotionExportProvider.class));
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                .withPropertyValues("yarnnn.providers.notion.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(NotionExportProvider.class));
    }

    @Test
    void buildsTheStdioProviderByDefaultAndTheHostedOneOnTransportRemote() {
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                .run(context -> assertThat(context.getBean(ProviderRegistry.class).require("notion"))
                        .isInstanceOf(NotionExportProvider.class));
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                .withPropertyValues("yarnnn.providers.notion.transport=stdio")
                .run(context -> assertThat(context.getBean(ProviderRegistry.class).require("notion"))
                        .isInstanceOf(NotionExportProvider.class));
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                .withPropertyValues("yarnnn.providers.notion.transport=remote",
                        "yarnnn.mcp.remote.servers.notion.url=https://mcp.notion.com/mcp")
                .run(context -> {
                    assertThat(context.getBean(ProviderRegistry.class).require("notion"))
                            .isInstanceOf(HostedNotionExportProvider.class);
                    assertThat(context.getBean(NotionProperties.class).transport())
                            .isEqualTo(NotionProperties.Transport.REMOTE);
                });
    }

    @Test
    void refusesTransportRemoteWithoutTheHostedServersUrl() {
        runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                .withPropertyValues("yarnnn.providers.notion.transport=remote")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void operatorsRepointTheServerByConfigurationAlone() throws IOException {
        try (FakeNotionApi notion = FakeNotionApi.start(TOKEN)) {
            runner().withBean(ConnectionAccess.class, () -> NotionProviderAutoConfigurationTest::connection)
                    .withPropertyValues("yarnnn.mcp.servers.notion.env.BASE_URL=" + notion.baseUrl())
                    .run(context -> {
                        DeliveryReceipt receipt = context.getBean(ProviderRegistry.class).require("notion")
                                .deliver(request());

                        assertThat(notion.requests()).hasSize(1);
                        assertThat(notion.children(receipt.externalId())).hasSize(2);
                    });
        }
    }

    private static ActiveConnection connection(UUID id) {
        return new ActiveConnection(new Connection(id, UUID.randomUUID(), "notion", "workspace-1", "Acme", Map.of(),
                ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")), Secret.of(TOKEN));
    }

    private static ExportRequested request() {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "notion", UUID.randomUUID(), "2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b", null,
                UUID.randomUUID(), "Hello", "Hello **Notion**", ExportTrigger.MANUAL, 1,
                Instant.parse("2026-11-25T10:15:30Z"));
    }
}
