package com.yarnnn.export.connector.provider.notion;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the Notion MCP server answered. Its tool result is the Notion response body as JSON text, also
 * for HTTP errors ({@code {"status":400,"object":"error","code":"validation_error","message":…}}, never
 * {@code isError}); a request that got no HTTP answer (network failure) or named no tool comes back as a
 * JSON-RPC error instead. Both become a {@link DeliveryException} saying whether retrying can help.
 */
final class NotionResultParser {

    private static final int MAX_MESSAGE = 300;
    /** JSON-RPC "invalid params" and "method not found": retrying the same call cannot help. */
    private static final Set<Integer> BAD_CALL_CODES = Set.of(-32602, -32601);
    /** How the server (answering -32603) names a tool it does not have. */
    private static final Pattern UNKNOWN_TOOL = Pattern.compile("Method \\S+ not found");
    private static final Set<String> PASSING = Set.of("rate_limited", "conflict_error", "internal_server_error",
            "service_unavailable", "database_connection_unavailable", "gateway_timeout", "service_overload");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotionResultParser() {
    }

    /** The Notion response, or the failure it reports. */
    static JsonNode parse(McpSchema.CallToolResult result) {
        String text = text(result);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new DeliveryException("notion_request_rejected",
                    "The Notion connector refused the request: " + shorten(text), false, null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new DeliveryException("notion_unexpected_response", "Notion sent an answer that is not JSON", true, null);
        }
        if ("error".equals(json.path("object").asString(""))) {
            throw notionError(json);
        }
        if ("error".equals(json.path("status").asString(""))) {
            // an HTTP error whose body was not Notion's JSON (a gateway page): the status is lost
            throw new DeliveryException("notion_unavailable", "Notion answered with an error page", true, null);
        }
        return json;
    }

    /** A call that got no Notion answer: the network failed, or the server does not know the call. */
    static DeliveryException callFailure(McpError error) {
        McpSchema.JSONRPCResponse.JSONRPCError rpc = error.getJsonRpcError();
        String message = rpc != null && rpc.message() != null ? rpc.message() : "";
        boolean badCall = rpc != null && rpc.code() != null && BAD_CALL_CODES.contains(rpc.code())
                || UNKNOWN_TOOL.matcher(message).find();
        return badCall
                ? new DeliveryException("notion_request_rejected",
                        "The Notion connector refused the request: " + shorten(message), false, error)
                : new DeliveryException("notion_unreachable", "Notion could not be reached", true, error);
    }

    static DeliveryException notionError(JsonNode error) {
        String code = error.path("code").asString("unknown_error");
        int status = error.path("status").asInt(0);
        String message = shorten(error.path("message").asString(""));
        return switch (code) {
            case "unauthorized" -> new DeliveryException(NEEDS_REAUTH,
                    "Notion no longer accepts this connection: reconnect your Notion account", false, null);
            case "object_not_found" -> new DeliveryException(code, "Notion cannot find the page, or it is not shared "
                    + "with the YARNNN integration. Share the page with the YARNNN integration (page menu → "
                    + "Connections) and try again", false, null);
            case "restricted_resource" -> new DeliveryException(code, "The YARNNN integration may not add content to "
                    + "this page: give it permission to insert content in Notion", false, null);
            // the server drops Notion's Retry-After header; Notion's limit is about 3 requests a second
            case "rate_limited" -> new DeliveryException(code, "Notion is rate-limiting this connection", true,
                    Duration.ofSeconds(2), null);
            default -> PASSING.contains(code) || status >= 500 || status == 429 || status == 409
                    ? new DeliveryException(code, "Notion is unavailable (" + code + ")", true, null)
                    : new DeliveryException(code, "Notion refused the export: " + message, false, null);
        };
    }

    /** The result's text content. */
    static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining());
    }

    static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
