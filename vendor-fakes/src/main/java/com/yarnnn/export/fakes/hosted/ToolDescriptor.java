package com.yarnnn.export.fakes.hosted;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool as recorded under {@code hosted-mcp/<vendor>/<tool>.json}: its name, title, description, annotations and
 * input schema, and the {@code source} they were taken from (which is not served). See {@code hosted-mcp/SOURCES.md}.
 */
record ToolDescriptor(McpSchema.Tool tool, JsonNode source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ToolDescriptor load(String vendor, String name) {
        String resource = "/hosted-mcp/" + vendor + "/" + name + ".json";
        try (InputStream in = ToolDescriptor.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No recorded tool " + resource);
            }
            JsonNode node = JSON.readTree(in);
            if (!name.equals(node.path("name").asString())) {
                throw new IllegalStateException(resource + " records the tool " + node.path("name"));
            }
            if (!node.path("source").isObject()) {
                throw new IllegalStateException(resource + " cites no source");
            }
            McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                    .name(name)
                    .description(node.path("description").asString())
                    .inputSchema(map(node.get("inputSchema")));
            if (node.hasNonNull("title")) {
                tool.title(node.get("title").asString());
            }
            JsonNode annotations = node.path("annotations");
            if (annotations.isObject()) {
                tool.annotations(new McpSchema.ToolAnnotations(text(annotations, "title"),
                        flag(annotations, "readOnlyHint"), flag(annotations, "destructiveHint"),
                        flag(annotations, "idempotentHint"), flag(annotations, "openWorldHint"), null));
            }
            return new ToolDescriptor(tool.build(), node.get("source"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    private static Boolean flag(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asBoolean() : null;
    }
}
