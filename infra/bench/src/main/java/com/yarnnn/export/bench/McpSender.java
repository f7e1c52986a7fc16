package com.yarnnn.export.bench;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MCP session with api-edge's {@code /mcp}: the MCP Java SDK's Streamable HTTP client, initialised when made (so
 * a measured run does not include the handshake), sending {@code export_deliverable} calls. Its token, issued for the
 * endpoint, goes with every request; an {@link ExportCall}'s token is not used.
 */
final class McpSender implements LoadDriver.Sender, AutoCloseable {

    static final String PATH = "/mcp";

    /** A tool error in the HTTP API's words ends with the status it would have answered, e.g. "(HTTP 409 Conflict)". */
    private static final Pattern HTTP_STATUS = Pattern.compile("\\(HTTP (\\d{3})\\b");

    private final McpSyncClient client;

    private McpSender(McpSyncClient client) {
        this.client = client;
    }

    /** The endpoint's URL: what its tokens must name as their audience. */
    static String endpoint(String baseUrl) {
        return baseUrl + PATH;
    }

    static McpSender connect(String baseUrl, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl)
                .endpoint(PATH)
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("yarnnn-bench", "1").build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return new McpSender(client);
    }

    /**
     * {@code export_deliverable} without waiting: the answer is the export as queued, 202 with its id; a tool error
     * answers the HTTP status it names (429 for the call budget, else 400).
     */
    @Override
    public LoadDriver.Answer send(ExportCall call, int n) {
        try {
            CallToolResult result = client.callTool(
                    new CallToolRequest("export_deliverable", LoadDriver.fields(call, n, "provider")));
            if (Boolean.TRUE.equals(result.isError())) {
                return new LoadDriver.Answer(status(text(result)), null);
            }
            Object id = ((Map<?, ?>) result.structuredContent()).get("export_id");
            return new LoadDriver.Answer(202, UUID.fromString(String.valueOf(id)));
        } catch (RuntimeException e) {
            return LoadDriver.Answer.NONE;
        }
    }

    private static int status(String error) {
        Matcher matcher = HTTP_STATUS.matcher(error);
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(1));
        }
        return error.startsWith("Too many tool calls") ? 429 : 400;
    }

    private static String text(CallToolResult result) {
        return result.content().stream().filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text()).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
