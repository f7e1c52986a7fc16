package com.yarnnn.export.connector.mcp;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serversDir            the npm project holding the installed servers ({@code infra/mcp-servers});
 *                              entries are resolved against it and servers run in it
 * @param requestTimeout        how long one tool call may take
 * @param initializationTimeout how long a server may take to start and answer {@code initialize}
 * @param closeTimeout          how long a server gets to exit before it is killed
 */
@ConfigurationProperties("yarnnn.mcp")
public record McpProperties(Path serversDir, Duration requestTimeout, Duration initializationTimeout,
        Duration closeTimeout) {

    public McpProperties {
        serversDir = (serversDir != null ? serversDir : Path.of("infra/mcp-servers")).toAbsolutePath().normalize();
        requestTimeout = requestTimeout != null ? requestTimeout : Duration.ofSeconds(30);
        initializationTimeout = initializationTimeout != null ? initializationTimeout : Duration.ofSeconds(15);
        closeTimeout = closeTimeout != null ? closeTimeout : Duration.ofSeconds(3);
    }

    /** An installed package's file, e.g. {@code node_modules/@modelcontextprotocol/server-filesystem/dist/index.js}. */
    public Path resolve(String relativeEntry) {
        return serversDir.resolve(relativeEntry);
    }
}
