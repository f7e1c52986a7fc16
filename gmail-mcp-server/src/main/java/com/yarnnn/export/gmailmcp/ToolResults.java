package com.yarnnn.export.gmailmcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool results this server answers with. Failures are {@code isError} results whose text is one JSON object
 * {@code {"status", "error", "message"}}: the HTTP status (absent when Gmail was not reached), Google's error
 * reason (or {@code invalid_input} / {@code unreachable}) and a readable message. Never the token.
 */
final class ToolResults {

    private final JsonMapper json;

    ToolResults(JsonMapper json) {
        this.json = json;
    }

    McpSchema.CallToolResult success(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    McpSchema.CallToolResult invalidInput(String message) {
        return error(null, "invalid_input", message);
    }

    McpSchema.CallToolResult unreachable(String message) {
        return error(null, "unreachable", message);
    }

    /** Google's error body is {@code {"error": {"code", "message", "errors": [{"reason"}], "status"}}}. */
    McpSchema.CallToolResult apiError(GmailResponse response) {
        JsonNode error = parse(response.body()).path("error");
        String reason = error.path("errors").path(0).path("reason").asString(null);
        if (reason == null) {
            reason = error.path("status").asString(null);
        }
        String message = error.path("message").asString(null);
        Map<String, Object> fields = fields(response.status(), reason != null ? reason : "http_" + response.status(),
                message != null ? message : "Gmail answered HTTP " + response.status());
        response.retryAfterSeconds().ifPresent(seconds -> fields.put("retry_after_seconds", seconds));
        return errorResult(fields);
    }

    private McpSchema.CallToolResult error(Integer status, String reason, String message) {
        return errorResult(fields(status, reason, message));
    }

    private static Map<String, Object> fields(Integer status, String reason, String message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (status != null) {
            fields.put("status", status);
        }
        fields.put("error", reason);
        fields.put("message", message);
        return fields;
    }

    private McpSchema.CallToolResult errorResult(Map<String, Object> fields) {
        return McpSchema.CallToolResult.builder().addTextContent(json.writeValueAsString(fields)).isError(true).build();
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }
}
