package com.yarnnn.export.connector.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serversDir            the npm project holding the installed servers ({@code infra/mcp-servers});
 *                              entries are resolved against it and servers run in it
 * @param requestTimeout        how long one tool call may take
 * @param initializationTimeout how long a server may take to start and answer {@code initialize}
 * @param closeTimeout          how long a server gets to exit before it is killed
 * @param servers               operators' overrides by provider id: to pin another version or run a fork
 */
@ConfigurationProperties("yarnnn.mcp")
public record McpProperties(Path serversDir, Duration requestTimeout, Duration initializationTimeout,
        Duration closeTimeout, Map<String, ServerOverride> servers) {

    /** Replaces a provider's server command and args, and adds environment variables, without code changes. */
    public record ServerOverride(String command, List<String> args, Map<String, String> env) {

        public ServerOverride {
            args = args != null ? List.copyOf(args) : List.of();
            env = env != null ? Map.copyOf(env) : Map.of();
        }
    }

    public McpProperties {
        serversDir = (serversDir != null ? serversDir : Path.of("infra/mcp-servers")).toAbsolutePath().normalize();
        requestTimeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(30);
        initializationTimeout = initializationTimeout != null ? initializationTimeout : Duration.ofSeconds(15);
        closeTimeout = closeTimeout != null ? closeTimeout : Duration.ofSeconds(3);
        servers = servers != null ? Map.copyOf(servers) : Map.of();
    }

}
