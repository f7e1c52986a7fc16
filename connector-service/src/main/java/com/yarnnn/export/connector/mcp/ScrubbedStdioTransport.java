package com.yarnnn.export.connector.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import reactor.core.publisher.Mono;

/**
 * A stdio transport whose child starts with an empty environment (the SDK otherwise copies the whole JVM
 * environment, secrets included) plus the basic variables and the spec's own, in the servers' directory, and whose
 * sends go one at a time.
 */
final class ScrubbedStdioTransport extends StdioClientTransport {

    private final Path workingDirectory;

    ScrubbedStdioTransport(ServerParameters parameters, Path workingDirectory) {
        super(parameters, McpJsonDefaults.getMapper());
        this.workingDirectory = workingDirectory;
    }

    /**
     * The SDK hands each message to a single-producer sink and gives up ("Failed to enqueue message") after spinning
     * 100 ms behind another sender, which a thread preempted on a busy machine can exceed; the hand-over itself is
     * short, so calls on one session still overlap.
     */
    @Override
    public synchronized Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return super.sendMessage(message);
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
        ProcessBuilder builder = new ProcessBuilder();
        builder.environment().clear();
        builder.directory(workingDirectory.toFile());
        return builder;
    }
}
