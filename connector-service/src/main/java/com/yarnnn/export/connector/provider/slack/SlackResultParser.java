package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code server-slack} tool result. The server never sets {@code isError}: its text is the raw Slack Web
 * API response ({@code {"ok":false,"error":"channel_not_found"}} on failure) or, when its handler threw,
 * {@code {"error":"fetch failed"}}. Anything but {@code ok: true} becomes a classified {@link DeliveryException}.
 */
final class SlackResultParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlackResultParser() {
    }

    /** The Slack response of a successful call. */
    static JsonNode parse(McpSchema.CallToolResult result) {
        String text = result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining());
        JsonNode body = read(text);
        if (body.path("ok").asBoolean(false) && !Boolean.TRUE.equals(result.isError())) {
            return body;
        }
        if (body.has("ok")) {
            throw SlackApiErrors.refused(body.path("error").asString(""), body);
        }
        throw SlackApiErrors.serverFailed(body.path("error").asString(""));
    }

    private static JsonNode read(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JacksonException e) {
            // falls through: the server answered something that is not a Slack response
        }
        throw new DeliveryException("slack_unexpected_response",
                "The Slack connector answered something that is not a Slack response", false, null);
    }
}
