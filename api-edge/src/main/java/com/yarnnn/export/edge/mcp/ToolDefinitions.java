package com.yarnnn.export.edge.mcp;

import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools' names, descriptions, JSON Schemas and annotations. The output schemas name what every answer has and
 * allow more, since an export carries the HTTP API's full status object.
 */
final class ToolDefinitions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> SCHEMA = new TypeReference<>() {
    };

    private static final String EXPORT_OUTPUT = """
            {"type": "object",
             "properties": {
               "export_id": {"type": "string", "format": "uuid"},
               "status": {"type": "string", "enum": ["QUEUED", "RUNNING", "RETRYING", "SUCCEEDED", "FAILED", "DEAD_LETTERED"]},
               "attempt": {"type": "integer"},
               "status_url": {"type": "string"},
               "resource_uri": {"type": "string"},
               "external_url": {"type": ["string", "null"]},
               "external_id": {"type": ["string", "null"]}
             },
             "required": ["export_id", "status", "status_url", "resource_uri"]}""";

    private static final String EXPORT_ID_INPUT = """
            {"type": "object",
             "properties": {"export_id": {"type": "string", "format": "uuid", "description": "The export's id"}},
             "required": ["export_id"]}""";

    static final Tool LIST_INTEGRATIONS = Tool.builder()
            .name("list_integrations")
            .title("List integrations")
            .description("The places YARNNN exports to (Slack, Notion, Gmail, a folder), whether you have "
                    + "connected each, and whether a connection needs you to sign in again (status needs_reauth).")
            .inputSchema(schema("{\"type\": \"object\", \"properties\": {}}"))
            .outputSchema(schema("""
                    {"type": "object",
                     "properties": {"integrations": {"type": "array", "items": {"type": "object",
                       "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                                      "connected": {"type": "boolean"}, "status": {"type": ["string", "null"]}},
                       "required": ["id", "name", "connected"]}}},
                     "required": ["integrations"]}"""))
            .annotations(annotations("List integrations", true, false, true, false))
            .build();

    static final Tool LIST_DESTINATIONS = Tool.builder()
            .name("list_destinations")
            .title("List destinations")
            .description("The destinations of a connected integration you can export to: Slack channels, Notion "
                    + "pages. Folder and Gmail destinations are typed in (a file name, an email address).")
            .inputSchema(schema("""
                    {"type": "object",
                     "properties": {"provider": {"type": "string", "description": "An integration's id, e.g. slack"}},
                     "required": ["provider"]}"""))
            .outputSchema(schema("""
                    {"type": "object",
                     "properties": {"destinations": {"type": "array", "items": {"type": "object",
                       "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}},
                       "required": ["id", "name"]}}},
                     "required": ["destinations"]}"""))
            .annotations(annotations("List destinations", true, false, true, true))
            .build();

    static final Tool GET_EXPORT = Tool.builder()
            .name("get_export")
            .title("Get an export")
            .description("One of your exports: its status, attempts, error, and the link to what was delivered.")
            .inputSchema(schema(EXPORT_ID_INPUT))
            .outputSchema(schema(EXPORT_OUTPUT))
            .annotations(annotations("Get an export", true, false, true, false))
            .build();

    static final Tool LIST_EXPORTS = Tool.builder()
            .name("list_exports")
            .title("List exports")
            .description("Your exports, newest first, optionally by status, integration or deliverable; pass "
                    + "next_cursor back as cursor for more.")
            .inputSchema(schema("""
                    {"type": "object",
                     "properties": {
                       "status": {"type": "string", "enum": ["QUEUED", "RUNNING", "RETRYING", "SUCCEEDED", "FAILED", "DEAD_LETTERED"]},
                       "provider": {"type": "string"},
                       "deliverable_id": {"type": "string", "format": "uuid"},
                       "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20},
                       "cursor": {"type": "string"}}}"""))
            .outputSchema(schema("""
                    {"type": "object",
                     "properties": {"exports": {"type": "array", "items": %s},
                                    "next_cursor": {"type": ["string", "null"]}},
                     "required": ["exports"]}""".formatted(EXPORT_OUTPUT)))
            .annotations(annotations("List exports", true, false, true, false))
            .build();

    static final Tool RETRY_EXPORT = Tool.builder()
            .name("retry_export")
            .title("Retry an export")
            .description("Sends a FAILED or DEAD_LETTERED export of yours again, under the same id. A SUCCEEDED "
                    + "export is never sent again.")
            .inputSchema(schema(EXPORT_ID_INPUT))
            .outputSchema(schema(EXPORT_OUTPUT))
            .annotations(annotations("Retry an export", false, false, true, true))
            .build();

    private ToolDefinitions() {
    }

    static Tool exportDeliverable(Duration maxWait) {
        return Tool.builder()
                .name("export_deliverable")
                .title("Export a deliverable")
                .description("Sends a markdown deliverable to a Slack channel, a Notion page, an email (Gmail) or a "
                        + "file in a folder, with your connected account. It is queued at once and delivered once; "
                        + "give an idempotency_key to make a repeated call return the same export. With "
                        + "wait_seconds it waits for the export's end, reporting progress, up to "
                        + maxWait.toSeconds() + " s.")
                .inputSchema(schema("""
                        {"type": "object",
                         "properties": {
                           "provider": {"type": "string", "description": "An integration's id: slack, notion, gmail or folder"},
                           "destination_id": {"type": "string", "description": "A channel or page id from list_destinations, an email address, or a file name"},
                           "destination_name": {"type": "string"},
                           "title": {"type": "string", "maxLength": 500, "description": "Without one, the content's first heading, else its first line"},
                           "content": {"type": "string", "description": "The deliverable, as markdown"},
                           "deliverable_version_id": {"type": "string", "format": "uuid", "description": "The approved version this content is; without one the export is ad hoc"},
                           "deliverable_id": {"type": "string", "format": "uuid"},
                           "idempotency_key": {"type": "string", "description": "The same key and arguments return the same export"},
                           "wait_seconds": {"type": "integer", "minimum": 0, "maximum": %d, "default": 0}},
                         "required": ["provider", "destination_id", "content"]}"""
                        .formatted(maxWait.toSeconds())))
                .outputSchema(schema(EXPORT_OUTPUT))
                .annotations(annotations("Export a deliverable", false, false, false, true))
                .build();
    }

    private static Map<String, Object> schema(String json) {
        return JSON.readValue(json, SCHEMA);
    }

    private static ToolAnnotations annotations(String title, boolean readOnly, boolean destructive, boolean idempotent,
            boolean openWorld) {
        return new ToolAnnotations(title, readOnly, destructive, idempotent, openWorld, null);
    }
}
