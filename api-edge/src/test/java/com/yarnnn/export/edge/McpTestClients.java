package com.yarnnn.export.edge;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** The MCP Java SDK's Streamable HTTP client on a running api-edge's {@code /mcp}, and tokens issued for it. */
public final class McpTestClients {

    private McpTestClients() {
    }

    public static String resource(int port) {
        return "http://localhost:" + port + "/mcp";
    }

    /** A token for the user whose audience is the endpoint. */
    public static String tokenFor(int port, UUID user) {
        return TestTokens.sign(TestTokens.SECRET, claims -> claims.subject(user.toString()).audience(resource(port)));
    }

    /** An initialised client sending the token with every request. */
    public static McpSyncClient connect(int port, String token) {
        return connect(port, token, UnaryOperator.identity());
    }

    /** The same, with the client's consumers of progress or resource updates added by {@code spec}. */
    public static McpSyncClient connect(int port, String token, UnaryOperator<McpClient.SyncSpec> spec) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://localhost:" + port)
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = spec.apply(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))).build();
        client.initialize();
        return client;
    }

    /** {@code export_deliverable}'s arguments for a file in the folder; tests change single ones. */
    public static Map<String, Object> folderExport() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("provider", "folder");
        arguments.put("destination_id", "reports/from-an-assistant");
        arguments.put("title", "Weekly report");
        arguments.put("content", "# Weekly report\n\nAll **green**.");
        arguments.put("deliverable_version_id", UUID.randomUUID().toString());
        return arguments;
    }

    public static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    public static String text(CallToolResult result) {
        return result.content().stream().map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }

    /** The structured answer of a call that succeeded. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> structured(CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("The tool call failed: " + text(result));
        }
        return (Map<String, Object>) result.structuredContent();
    }
}
