package com.yarnnn.export.connector.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Path;

/**
 * A stdio transport whose child starts with an empty environment (the SDK otherwise copies the whole JVM
 * environment, secrets included) plus the basic variables and the spec's own, in the servers' directory.
 */
final class ScrubbedStdioTransport extends StdioClientTransport {

    private final Path workingDirectory;

    ScrubbedStdioTransport(ServerParameters parameters, Path workingDirectory) {
        super(parameters, McpJsonDefaults.getMapper());
        this.workingDirectory = workingDirectory;
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().clear();
        builder.directory(workingDirectory.toFile());
        return builder;
    }
}
