package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what Notion's hosted MCP server answered. A result carries its JSON as {@code structuredContent} and as
 * text; a Notion error is an {@code isError} result holding {@code {"error":{"code","message",…}}}, a rate limit
 * the documented {@code {"error":{"code":"rate_limited","retry_after_seconds","rate_limit_reason"}}} (Notion's
 * "Supported tools" page, cited in vendor-fakes {@code hosted-mcp/SOURCES.md}). Codes are classified as on the
 * stdio transport ({@link NotionResultParser#notionError}): {@code object_not_found} and {@code validation_error}
 * are final; a rate limit passes with the wait Notion asks for. HTTP failures (401, 403, 429 with
 * {@code Retry-After}, 5xx, timeouts) never reach here: {@code RemoteMcpSessions} classifies them.
 */
final class HostedNotionResults {

    /** Where a rate-limit error names no wait: Notion's limit is about 3 requests a second. */
    static final Duration DEFAULT_RATE_LIMIT_PAUSE = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostedNotionResults() {
    }

    /** The answer's JSON, or the failure it reports. */
    static JsonNode parse(McpSchema.CallToolResult result) {
        JsonNode json = json(result);
        if (Boolean.TRUE.equals(result.isError())) {
            throw failure(json, result);
        }
        if (json == null) {
            throw new DeliveryException("notion_unexpected_response", "Notion sent an answer that is not JSON", true,
                    null);
        }
        return json;
    }

    private static DeliveryException failure(JsonNode json, McpSchema.CallToolResult result) {
        JsonNode error = json == null ? null : json.path("error");
        if (error == null || !error.isObject()) {
            return new DeliveryException("notion_request_rejected", "The Notion MCP server refused the request: "
                    + NotionResultParser.shorten(NotionResultParser.text(result)), false, null);
        }
        if ("rate_limited".equals(error.path("code").asString(""))) {
            long seconds = error.path("retry_after_seconds").asLong(0);
            return new DeliveryException("rate_limited", "Notion is rate-limiting this connection", true,
                    seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RATE_LIMIT_PAUSE, null);
        }
        return NotionResultParser.notionError(error);
    }

    private static JsonNode json(McpSchema.CallToolResult result) {
        if (result.structuredContent() != null) {
            return JSON.valueToTree(result.structuredContent());
        }
        String text = NotionResultParser.text(result);
        if (text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
