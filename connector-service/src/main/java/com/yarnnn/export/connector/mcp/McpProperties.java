package com.yarnnn.export.connector.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param serversDir            the npm project holding the installed servers ({@code infra/mcp-servers});
 *                              entries are resolved against it and servers run in it
 * @param requestTimeout        how long one tool call may take; also how long a call waits for a pool slot when
 *                              every session is busy
 * @param initializationTimeout how long a server may take to start and answer {@code initialize}
 * @param closeTimeout          how long a server gets to exit before it is killed
 * @param servers               operators' overrides by provider id: to pin another version or run a fork
 * @param pool                  how many servers may run at once and how long an unused one is kept
 */
@ConfigurationProperties("yarnnn.mcp")
public record McpProperties(Path serversDir, Duration requestTimeout, Duration initializationTimeout,
        Duration closeTimeout, Map<String, ServerOverride> servers, Pool pool) {

    /** Replaces a provider's server command and args, and adds environment variables, without code changes. */
    public record ServerOverride(String command, List<String> args, Map<String, String> env) {

        public ServerOverride {
            args = args != null ? List.copyOf(args) : List.of();
            env = env != null ? Map.copyOf(env) : Map.of();
        }
    }

    /**
     * @param maxSessions most server processes this instance runs at once (each is 48 MB RSS for server-slack,
     *                    83 MB for notion-mcp-server, ~100 MB for the Gmail JVM), default 32
     * @param idleTimeout a session unused this long is stopped, default 10 minutes
     */
    public record Pool(Integer maxSessions, Duration idleTimeout) {

        public Pool {
            maxSessions = maxSessions != null ? maxSessions : 32;
            idleTimeout = idleTimeout != null ? idleTimeout : Duration.ofMinutes(10);
            if (maxSessions < 1) {
                throw new IllegalArgumentException("yarnnn.mcp.pool.max-sessions must be at least 1");
            }
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("yarnnn.mcp.pool.idle-timeout must be positive");
            }
        }
    }

    @ConstructorBinding
    public McpProperties {
        serversDir = (serversDir != null ? serversDir : Path.of("infra/mcp-servers")).toAbsolutePath().normalize();
        requestTimeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(30);
        initializationTimeout = initializationTimeout != null ? initializationTimeout : Duration.ofSeconds(15);
        closeTimeout = closeTimeout != null ? closeTimeout : Duration.ofSeconds(3);
        servers = servers != null ? Map.copyOf(servers) : Map.of();
        pool = pool != null ? pool : new Pool(null, null);
    }

    /** With the default pool. */
    public McpProperties(Path serversDir, Duration requestTimeout, Duration initializationTimeout,
            Duration closeTimeout, Map<String, ServerOverride> servers) {
        this(serversDir, requestTimeout, initializationTimeout, closeTimeout, servers, null);
    }
}
