package com.yarnnn.export.edge.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * {@code /mcp} as one operation: it is JSON-RPC 2.0 (MCP's Streamable HTTP transport), whose methods and tools the
 * MCP client lists from the server itself, so the contract names the envelope and points to docs/mcp-server.md
 * rather than repeating the tools' schemas.
 */
class McpEndpointDescription implements OpenApiCustomizer {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;

    @Override
    public void customise(OpenAPI api) {
        Operation call = new Operation()
                .operationId("mcp")
                .tags(List.of("mcp"))
                .summary("YARNNN's MCP server (JSON-RPC 2.0 over MCP Streamable HTTP)")
                .description("""
                        One JSON-RPC message per request: `initialize`, then `tools/list`, `tools/call` \
                        (`export_deliverable`, `get_export`, …), `resources/read`, `resources/subscribe`. The token \
                        must name this resource as its audience (RFC 8707); a 401 names the resource metadata at \
                        `/.well-known/oauth-protected-resource/mcp`. GET opens the session's event stream and DELETE \
                        ends the session, as the transport specifies. Tools, arguments and answers: \
                        docs/mcp-server.md.""")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON,
                        new MediaType().schema(jsonRpcMessage()).example(Map.of("jsonrpc", "2.0", "id", 1,
                                "method", "tools/list")))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse()
                                .description("The JSON-RPC answer, as JSON or as an event stream")
                                .addHeaderObject("Mcp-Session-Id", new Header()
                                        .description("Set by `initialize`; send it with every later message")
                                        .schema(new StringSchema()))
                                .content(new Content()
                                        .addMediaType(JSON, new MediaType().schema(jsonRpcMessage()))
                                        .addMediaType(EVENT_STREAM, new MediaType().schema(new StringSchema()))))
                        .addApiResponse("202", new ApiResponse().description("A notification or a response, accepted")));
        api.path("/mcp", new PathItem().post(call));
    }

    private static ObjectSchema jsonRpcMessage() {
        ObjectSchema message = new ObjectSchema();
        message.description("A JSON-RPC 2.0 request, notification or response")
                .addProperty("jsonrpc", new StringSchema()._enum(List.of("2.0")))
                .addProperty("id", new ObjectSchema().description("string or number; absent on a notification"))
                .addProperty("method", new StringSchema().example("tools/call"))
                .addProperty("params", new ObjectSchema())
                .addProperty("result", new ObjectSchema())
                .addProperty("error", new ObjectSchema())
                .required(List.of("jsonrpc"));
        return message;
    }
}
