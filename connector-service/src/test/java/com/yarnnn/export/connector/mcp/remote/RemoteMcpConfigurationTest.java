package com.yarnnn.export.connector.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.testing.DeployableEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code yarnnn.mcp.remote.*} as a deployable reads it: the shipped defaults under the operator's settings. */
class RemoteMcpConfigurationTest {

    @Test
    void theVendorsServersAreConfiguredByDefault() {
        runner(Map.of()).run(context -> {
            RemoteMcpSessions sessions = context.getBean(RemoteMcpSessions.class);
            assertThat(sessions.server("slack"))
                    .isEqualTo(new RemoteServer("slack", URI.create("https://mcp.slack.com/mcp"), Duration.ofSeconds(30)));
            assertThat(sessions.server("notion").url()).isEqualTo(URI.create("https://mcp.notion.com/mcp"));
            assertThat(context.getBean(RemoteMcpProperties.class).idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void operatorsRepointAServerAndSetItsTimeout() {
        runner(Map.of("YARNNN_MCP_REMOTE_SERVERS_SLACK_URL", "http://127.0.0.1:9/mcp"))
                .withPropertyValues("yarnnn.mcp.remote.servers.slack.request-timeout=5s",
                        "yarnnn.mcp.remote.request-timeout=20s", "yarnnn.mcp.remote.max-clients=50")
                .run(context -> {
                    RemoteMcpSessions sessions = context.getBean(RemoteMcpSessions.class);
                    assertThat(sessions.server("slack")).isEqualTo(new RemoteServer("slack",
                            URI.create("http://127.0.0.1:9/mcp"), Duration.ofSeconds(5)));
                    assertThat(sessions.server("notion").requestTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(context.getBean(RemoteMcpProperties.class).maxClients()).isEqualTo(50);
                });
    }

    @Test
    void aServerNobodyConfiguredIsRefusedByName() {
        runner(Map.of()).run(context -> assertThatThrownBy(() -> context.getBean(RemoteMcpSessions.class).server("gmail"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No remote MCP server 'gmail' is configured (yarnnn.mcp.remote.servers.gmail.url)"));
    }

    @Test
    void theEndpointIsSplitIntoOriginAndPathForTheSdk() {
        RemoteServer server = new RemoteServer("x", URI.create("https://mcp.example.com:8443/v1/mcp?tenant=a"),
                Duration.ofSeconds(1));

        assertThat(server.origin()).isEqualTo("https://mcp.example.com:8443");
        assertThat(server.endpoint()).isEqualTo("/v1/mcp?tenant=a");
        assertThatThrownBy(() -> new RemoteServer("x", URI.create("file:///mcp"), Duration.ofSeconds(1)))
                .hasMessageContaining("needs an http(s) URL");
    }

    private static ApplicationContextRunner runner(Map<String, Object> variables) {
        return DeployableEnvironment.runner(variables).withPropertyValues("yarnnn.providers.folder.enabled=false");
    }
}
