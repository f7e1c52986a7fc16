package com.yarnnn.export.fakes.hosted;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tool call as a handler of a hosted double sees it: the tenant the request's bearer token belongs to, and the
 * arguments. Its helpers read arguments and build the answers; a handler throws {@link Rejected} for an answer that
 * is an error result.
 */
final class ToolCall<T> {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An error result, thrown by a handler; {@code body} is what the vendor answers (JSON). */
    static final class Rejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Map<String, Object> body;
        final boolean structured;

        Rejected(Map<String, Object> body, boolean structured) {
            super(String.valueOf(body), null, false, false);
            this.body = body;
            this.structured = structured;
        }
    }

    private final T tenant;
    private final Map<String, Object> arguments;

    ToolCall(T tenant, Map<String, Object> arguments) {
        this.tenant = tenant;
        this.arguments = arguments == null ? Map.of() : arguments;
    }

    T tenant() {
        return tenant;
    }

    Map<String, Object> arguments() {
        return arguments;
    }

    String string(String name) {
        Object value = arguments.get(name);
        return value == null ? null : value.toString();
    }

    int integer(String name, int fallback, int min, int max) {
        Object value = arguments.get(name);
        int n = value instanceof Number number ? number.intValue() : fallback;
        return Math.max(min, Math.min(max, n));
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(arguments.get(name));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) {
        Object value = arguments.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String name) {
        Object value = arguments.get(name);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The answer as JSON text, and as {@code structuredContent} too when {@code structured}. */
    static McpSchema.CallToolResult answer(Map<String, Object> body, boolean structured) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .addTextContent(JSON.writeValueAsString(body));
        if (structured) {
            result.structuredContent(body);
        }
        return result.build();
    }

    static McpSchema.CallToolResult error(Rejected rejected) {
        McpSchema.CallToolResult.Builder result = McpSchema.CallToolResult.builder()
                .addTextContent(JSON.writeValueAsString(rejected.body)).isError(true);
        if (rejected.structured) {
            result.structuredContent(rejected.body);
        }
        return result.build();
    }
}
