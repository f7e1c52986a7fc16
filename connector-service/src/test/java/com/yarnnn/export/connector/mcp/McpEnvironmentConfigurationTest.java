package com.yarnnn.export.connector.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.mcp.McpProperties.ServerOverride;
import com.yarnnn.export.connector.testing.DeployableEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The MCP settings as a deployable reads them: the shipped defaults under the operator's environment variables,
 * which Spring maps with relaxed binding (so {@code YARNNN_MCP_SERVERS_X} means {@code yarnnn.mcp.servers.x}).
 */
class McpEnvironmentConfigurationTest {

    private static final String SERVERS_DIR = "/opt/yarnnn/mcp-servers";

    @Test
    void theDocumentedVariableSetsTheServersDirectory() {
        DeployableEnvironment.runner(Map.of("YARNNN_MCP_DIR", SERVERS_DIR)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(McpProperties.class).serversDir()).isEqualTo(Path.of(SERVERS_DIR));
        });
    }

    @Test
    void serverOverridesStillBindBesideIt() {
        DeployableEnvironment.runner(Map.of("YARNNN_MCP_DIR", SERVERS_DIR, "YARNNN_MCP_SERVERS_SLACK_COMMAND", "/usr/bin/node"))
                .withPropertyValues("yarnnn.mcp.servers.slack.args=dist/index.js",
                        "yarnnn.mcp.servers.slack.env.SLACK_API_BASE_URL=http://127.0.0.1:9/api/")
                .run(context -> {
                    McpProperties properties = context.getBean(McpProperties.class);
                    assertThat(properties.serversDir()).isEqualTo(Path.of(SERVERS_DIR));
                    assertThat(properties.servers()).containsOnlyKeys("slack");
                    assertThat(properties.servers().get("slack")).isEqualTo(new ServerOverride("/usr/bin/node",
                            List.of("dist/index.js"), Map.of("SLACK_API_BASE_URL", "http://127.0.0.1:9/api/")));
                });
    }

    @Test
    void theFormerVariableStopsStartWithAReportNamingTheOneToSet() {
        DeployableEnvironment.runner(Map.of("YARNNN_MCP_SERVERS_DIR", SERVERS_DIR)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ServerOverrideFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("YARNNN_MCP_SERVERS_DIR (yarnnn.mcp.servers.dir) is read as")
                    .doesNotContain(SERVERS_DIR);
            assertThat(analysis.getAction()).startsWith("Set the MCP servers directory with YARNNN_MCP_DIR");
        });
    }
}
