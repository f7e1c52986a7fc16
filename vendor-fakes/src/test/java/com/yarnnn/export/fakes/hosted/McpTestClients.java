package com.yarnnn.export.fakes.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Java SDK's Streamable HTTP client pointed at a hosted double, and plain HTTP for what the SDK hides. */
final class McpTestClients {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private McpTestClients() {
    }

    /** A sync client sending {@code Authorization: Bearer <token>} on every request (none if token is null). */
    static McpSyncClient client(String url, String token, Duration requestTimeout) {
        HttpRequest.Builder requests = HttpRequest.newBuilder();
        if (token != null) {
            requests.header("Authorization", "Bearer " + token);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url)
                .endpoint("/mcp")
                .requestBuilder(requests)
                .build();
        return McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("hosted-double-test", "1.0.0").build())
                .requestTimeout(requestTimeout)
                .initializationTimeout(requestTimeout)
                .build();
    }

    static McpSyncClient client(String url, String token) {
        return client(url, token, Duration.ofSeconds(10));
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** The JSON of a result's (first) text content. */
    static JsonNode text(McpSchema.CallToolResult result) {
        return JSON.readTree(((McpSchema.TextContent) result.content().get(0)).text());
    }

    /** A raw {@code initialize} POST, for what the SDK client does not show (headers of refused requests). */
    static HttpResponse<String> rawInitialize(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each tool's input schema (and title, where recorded) is the one recorded for it, which cites the server. */
    static void assertServedAsRecorded(List<McpSchema.Tool> tools, String vendor, String server) throws Exception {
        for (McpSchema.Tool tool : tools) {
            try (InputStream in = McpTestClients.class.getResourceAsStream(
                    "/hosted-mcp/" + vendor + "/" + tool.name() + ".json")) {
                JsonNode recorded = JSON.readTree(in);
                assertThat(tree(tool.inputSchema())).as(tool.name()).isEqualTo(recorded.get("inputSchema"));
                assertThat(tool.title()).isEqualTo(recorded.has("title") ? recorded.get("title").asString() : null);
                assertThat(recorded.get("source").get("server").asString()).isEqualTo(server);
            }
        }
    }

    /** Every exception of a chain, outermost first, as {@code Class: message}. */
    static List<String> chain(Throwable thrown) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return chain;
    }

    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
