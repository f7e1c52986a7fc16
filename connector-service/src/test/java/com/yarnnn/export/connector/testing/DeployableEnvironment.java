package com.yarnnn.export.connector.testing;

import com.yarnnn.export.connector.ConnectorAutoConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The connector's auto-configuration with the settings as a deployable reads them: the shipped
 * {@code pipeline-defaults.properties} under the operator's environment variables, which Spring maps with relaxed
 * binding ({@code YARNNN_MCP_SERVERS_X} means {@code yarnnn.mcp.servers.x}).
 */
public final class DeployableEnvironment {

    private DeployableEnvironment() {
    }

    /** With these environment variables only (not this JVM's, nor its system properties). */
    public static ApplicationContextRunner runner(Map<String, Object> variables) {
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
