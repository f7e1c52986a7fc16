package com.yarnnn.export.connector.provider.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.connector.provider.RenewableConnection;
import com.yarnnn.export.fakes.hosted.HostedMcpRequest;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A provider made of a configuration block and {@link CanvasMapping}, against a real MCP server that wants the
 * user's token on every request ({@link HostedSlackMcp}): the registry offers it, it delivers with the connection's
 * token, renews a refused one, and tells a tool's refusal from a retryable failure.
 */
class HostedProvidersTest {

    static final String TEAM = "T0FAKETEAM";
    static final String TOKEN = "xoxp-1111111111-2222222222-TestUserTokenValue42";
    static final String RENEWED = "xoxp-1111111111-2222222222-RenewedUserToken43";

    private final HostedSlackMcp server = HostedSlackMcp.start().workspace(TEAM, "acme-corp")
            .token(TOKEN, TEAM, "U0AUTHOR").token(RENEWED, TEAM, "U0AUTHOR");
    private final RenewableConnection connection = new RenewableConnection("canvas", TEAM, TOKEN, RENEWED);

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class,
                    HostedProvidersAutoConfiguration.class))
            .withPropertyValues("yarnnn.providers.folder.enabled=false",
                    "yarnnn.mcp.remote.servers.slack.url=" + server.url(),
                    "yarnnn.providers.hosted.canvas.display-name=Slack canvas",
                    "yarnnn.providers.hosted.canvas.description=Make the deliverable a Slack canvas",
                    "yarnnn.providers.hosted.canvas.server=slack",
                    "yarnnn.providers.hosted.canvas.mapping=" + CanvasMapping.class.getName());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aConfigurationBlockAndAMappingMakeAProviderThatDeliversWithTheUsersToken() {
        context.withBean(ConnectionAccess.class, () -> connection).run(ctx -> {
            ProviderRegistry registry = ctx.getBean(ProviderRegistry.class);
            assertThat(registry.available()).containsExactly(new ProviderDescriptor("canvas", "Slack canvas",
                    "Make the deliverable a Slack canvas", "canvas", true));

            DeliveryReceipt receipt = registry.require("canvas").deliver(request("Quarterly review", "# Q3\n\nUp."));

            assertThat(server.canvases(TEAM)).singleElement().satisfies(canvas -> {
                assertThat(canvas.title()).isEqualTo("Quarterly review");
                assertThat(canvas.markdown()).startsWith("# Q3\n\nUp.").contains("Exported from YARNNN · ref ");
                assertThat(receipt).isEqualTo(new DeliveryReceipt(canvas.id(), canvas.url()));
            });
            assertThat(server.requests()).extracting(HostedMcpRequest::token).containsOnly(TOKEN);
        });
    }

    @Test
    void aSlowDownIsScopedToTheConnectionThatWasTold() {
        context.withBean(ConnectionAccess.class, () -> connection).run(ctx -> {
            ExportRequested request = request("Paced", "Body");

            assertThat(ctx.getBean(ProviderRegistry.class).require("canvas").budgets(request))
                    .singleElement().satisfies(budget -> {
                        assertThat(budget.key()).isEqualTo("canvas:connection:" + connection.id());
                        assertThat(budget.scope()).isEqualTo("this Slack canvas connection");
                    });
        });
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallSentAgain() {
        context.withBean(ConnectionAccess.class, () -> connection).run(ctx -> {
            server.revoke(TOKEN);

            ctx.getBean(ProviderRegistry.class).require("canvas").deliver(request("Renewed", "Body"));

            assertThat(connection.refreshes()).isEqualTo(1);
            assertThat(server.canvases(TEAM)).singleElement()
                    .satisfies(canvas -> assertThat(canvas.title()).isEqualTo("Renewed"));
        });
    }

    @Test
    void aToolsRefusalIsPermanentAndAServersOutageAnMcpFailure() {
        context.withBean(ConnectionAccess.class, () -> connection).run(ctx -> {
            ExportProvider canvas = ctx.getBean(ProviderRegistry.class).require("canvas");

            DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                    () -> canvas.deliver(request("", "Body")));
            server.faults().nextToolCalls(1).unavailable();
            McpCallException outage = catchThrowableOfType(McpCallException.class,
                    () -> canvas.deliver(request("Later", "Body")));

            assertThat(refused.code()).isEqualTo("canvas_tool_error");
            assertThat(refused.retryable()).isFalse();
            assertThat(refused.getMessage()).startsWith("The canvas server refused slack_create_canvas: ");
            assertThat(outage.code()).isEqualTo("server_unavailable");
            assertThat(server.canvases(TEAM)).isEmpty();
        });
    }

    @Test
    void aLaterAttemptTakesWhatTheMappingFindsInsteadOfDeliveringAgain() {
        DeliveryReceipt earlier = new DeliveryReceipt("F0EARLIER", "https://acme-corp.slack.com/docs/F0EARLIER");
        HostedToolMapping finding = new CanvasMapping() {
            @Override
            public Optional<DeliveryReceipt> findEarlier(HostedTools tools, ExportRequested request) {
                return Optional.of(earlier);
            }
        };
        context.withBean(ConnectionAccess.class, () -> connection).run(ctx -> {
            HostedMcpExportProvider declared = (HostedMcpExportProvider) ctx.getBean(ProviderRegistry.class)
                    .require("canvas");
            HostedMcpExportProvider provider = new HostedMcpExportProvider(declared.descriptor(), finding,
                    ctx.getBean(RemoteMcpSessions.class),
                    ctx.getBean(RemoteMcpSessions.class).server("slack"),
                    new ProviderConnections("canvas", connection, "Connect"));

            assertThat(provider.redeliver(request("Again", "Body"))).isEqualTo(earlier);
            assertThat(provider.deliver(request("Again", "Body")).externalId()).isNotEqualTo(earlier.externalId());
            assertThat(server.canvases(TEAM)).hasSize(1);
        });
    }

    @Test
    void aDeclarationWithoutAMappingOrAServerStopsTheStartWithWhatIsMissing() {
        context.withBean(ConnectionAccess.class, () -> connection)
                .withPropertyValues("yarnnn.providers.hosted.linear.display-name=Linear")
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("yarnnn.providers.hosted.linear.mapping"));
        context.withBean(ConnectionAccess.class, () -> connection)
                .withPropertyValues("yarnnn.providers.hosted.linear.mapping=" + CanvasMapping.class.getName())
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("yarnnn.mcp.remote.servers.linear.url"));
    }

    @Test
    void aDisabledDeclarationIsNotOfferedAndNoneAreWithoutConnections() {
        context.withBean(ConnectionAccess.class, () -> connection)
                .withPropertyValues("yarnnn.providers.hosted.canvas.enabled=false")
                .run(ctx -> assertThat(ctx.getBean(ProviderRegistry.class).ids()).isEmpty());
        context.run(ctx -> assertThat(ctx.getBean(ProviderRegistry.class).ids()).isEmpty());
    }

    private ExportRequested request(String title, String content) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "canvas", connection.id(), "canvas", null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }
}
