package com.yarnnn.export.connector.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import com.yarnnn.export.connector.mcp.McpProperties.ServerOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The MCP settings as a deployable reads them: the shipped defaults under the operator's environment variables,
 * which Spring maps with relaxed binding (so {@code YARNNN_MCP_SERVERS_X} means {@code yarnnn.mcp.servers.x}).
 */
class McpEnvironmentConfigurationTest {

    private static final String SERVERS_DIR = "/opt/yarnnn/mcp-servers";

    @Test
    void theDocumentedVariableSetsTheServersDirectory() {
        runnerWithEnvironment(Map.of("YARNNN_MCP_DIR", SERVERS_DIR)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(McpProperties.class).serversDir()).isEqualTo(Path.of(SERVERS_DIR));
        });
    }

    @Test
    void serverOverridesStillBindBesideIt() {
        runnerWithEnvironment(Map.of("YARNNN_MCP_DIR", SERVERS_DIR, "YARNNN_MCP_SERVERS_SLACK_COMMAND", "/usr/bin/node"))
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
        runnerWithEnvironment(Map.of("YARNNN_MCP_SERVERS_DIR", SERVERS_DIR)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new ServerOverrideFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("YARNNN_MCP_SERVERS_DIR (yarnnn.mcp.servers.dir) is read as")
                    .doesNotContain(SERVERS_DIR);
            assertThat(analysis.getAction()).startsWith("Set the MCP servers directory with YARNNN_MCP_DIR");
        });
    }

    private static ApplicationContextRunner runnerWithEnvironment(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConnectorAutoConfiguration.class))
                .withInitializer(context -> {
                    // this JVM's own (surefire sets yarnnn.mcp.servers-dir) would hide the operator's
                    MutablePropertySources sources = context.getEnvironment().getPropertySources();
                    sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
                    sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
                    sources.addLast(pipelineDefaults());
                });
    }

    private static ResourcePropertySource pipelineDefaults() {
        try {
            return new ResourcePropertySource("classpath:pipeline-defaults.properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
