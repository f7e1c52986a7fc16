package com.yarnnn.export.edge.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool results: structured content in the HTTP API's JSON shape (snake_case, the same mapper), a readable sentence,
 * and the JSON as text for clients that read no structured content; errors as a tool error the model can act on.
 */
final class ToolAnswers {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JsonMapper json;

    ToolAnswers(JsonMapper json) {
        this.json = json;
    }

    /** The value as the HTTP API shows it, as a JSON object to add fields to. */
    Map<String, Object> object(Object value) {
        return json.convertValue(value, OBJECT);
    }

    CallToolResult success(String sentence, Map<String, Object> structured) {
        return CallToolResult.builder()
                .structuredContent(structured)
                .addTextContent(sentence)
                .addTextContent(json.writeValueAsString(structured))
                .isError(false)
                .build();
    }

    static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
