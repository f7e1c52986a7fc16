package com.yarnnn.export.edge.mcp;

import com.yarnnn.export.edge.status.ExportQueries;
import com.yarnnn.export.edge.status.ExportStatusView;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Each export of the caller's as a resource, {@code yarnnn://exports/{export_id}}: its status as JSON. */
final class ExportResources {

    static final String PREFIX = "yarnnn://exports/";

    private final ExportQueries queries;
    private final ExportResourceUpdates updates;
    private final ToolAnswers answers;
    private final JsonMapper json;

    ExportResources(ExportQueries queries, ExportResourceUpdates updates, ToolAnswers answers,
            JsonMapper json) {
        this.queries = queries;
        this.updates = updates;
        this.answers = answers;
        this.json = json;
    }

    static String uri(UUID exportId) {
        return PREFIX + exportId;
    }

    SyncResourceTemplateSpecification template() {
        ResourceTemplate template = ResourceTemplate.builder()
                .uriTemplate(PREFIX + "{export_id}")
                .name("export")
                .title("An export of yours")
                .description("One export: its status, attempts, and the link to what was delivered once it "
                        + "SUCCEEDED. Subscribe to be told when its status moves.")
                .mimeType("application/json")
                .build();
        return new SyncResourceTemplateSpecification(template, (exchange, request) -> {
            // another user's export is not found, as one that does not exist
            ExportStatusView view = McpCaller.of(exchange.transportContext())
                    .flatMap(user -> queries.find(user, exportId(request.uri())))
                    .orElseThrow(() -> McpError.RESOURCE_NOT_FOUND.apply(request.uri()));
            McpCaller.of(exchange.transportContext())
                    .ifPresent(user -> updates.watch(user, view.exportId(), view.status()));
            return new ReadResourceResult(List.of(new TextResourceContents(request.uri(), "application/json",
                    json.writeValueAsString(answers.object(view)))));
        });
    }

    private static UUID exportId(String uri) {
        try {
            return UUID.fromString(uri.substring(PREFIX.length()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException notAnExport) {
            throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message("Not an export's URI: " + uri).build();
        }
    }
}
