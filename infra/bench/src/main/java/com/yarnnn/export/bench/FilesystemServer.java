package com.yarnnn.export.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code server-filesystem} driven straight from the MCP Java SDK, for the baselines: a started client, and one
 * export as the folder provider makes it ({@code create_directory} + {@code write_file} of the same markdown).
 */
final class FilesystemServer {

    /**
     * SDK 2.1.0's stdio transport gives up sending when another thread held its outbound sink for 100 ms (seen on a
     * loaded machine with 8 threads); nothing was sent, so the call is simply made again.
     */
    private static final String ENQUEUE_FAILED = "Failed to enqueue message";

    private FilesystemServer() {
    }

    /** Starts {@code command} in {@code directory} (the npm project, so {@code npx} finds the pinned install). */
    static McpSyncClient start(List<String> command, Path directory) {
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                return new ProcessBuilder().directory(directory.toFile());
            }
        };
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("yarnnn-bench", "1").build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    static void export(McpSyncClient client, Path folder, String name) {
        call(client, "create_directory", Map.of("path", folder.toString()));
        call(client, "write_file", Map.of("path", folder.resolve(name + ".md").toString(),
                "content", "# " + name + "\n\n" + LoadDriver.content()));
    }

    private static void call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = null;
        while (result == null) {
            try {
                result = client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
            } catch (RuntimeException e) {
                if (!ENQUEUE_FAILED.equals(e.getMessage())) {
                    throw e;
                }
            }
        }
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("server-filesystem refused " + tool + ": " + result.content());
        }
    }
}
