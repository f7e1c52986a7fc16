package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A tool's answer, read the two ways hosted servers give it: {@code structuredContent}, else the JSON of its text.
 *
 * @param json  the structured answer, or {@link MissingNode} when neither form is JSON
 * @param text  its text content, joined
 * @param error whether the tool answered {@code isError}
 */
public record ToolAnswer(JsonNode json, String text, boolean error) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ToolAnswer of(McpSchema.CallToolResult result) {
        String text = result.content() == null ? "" : result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(content -> ((McpSchema.TextContent) content).text())
                .collect(Collectors.joining("\n"));
        JsonNode json = result.structuredContent() != null ? JSON.valueToTree(result.structuredContent()) : parse(text);
        return new ToolAnswer(json, text, Boolean.TRUE.equals(result.isError()));
    }

    /**
     * This answer, when the tool did not fail.
     *
     * @throws DeliveryException {@code <provider>_tool_error}, not retryable, with the first line of the tool's text
     *                           (a mapping that can tell transient tool errors apart checks {@link #error} first)
     */
    public ToolAnswer orThrow(String providerId, String tool) {
        if (!error) {
            return this;
        }
        String firstLine = text.isBlank() ? "no detail" : text.strip().lines().findFirst().orElse("");
        throw new DeliveryException(providerId + "_tool_error",
                "The " + providerId + " server refused " + tool + ": " + abbreviate(firstLine), false, null);
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
