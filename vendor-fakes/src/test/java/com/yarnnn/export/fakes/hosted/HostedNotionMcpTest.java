package com.yarnnn.export.fakes.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HostedNotionMcpTest {

    private HostedNotionMcp notion;
    private McpSyncClient client;
    private String parent;

    @BeforeEach
    void start() {
        notion = HostedNotionMcp.start();
        notion.workspace("W1").token("ntn-ann", "W1").workspace("W2").token("ntn-bob", "W2");
        parent = notion.addPage("W1", "Reports", "Where the exports go");
        client = McpTestClients.client(notion.url(), "ntn-ann");
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.close();
        notion.close();
    }

    @Test
    void theToolsAreListedWithTheRecordedSchemas() throws Exception {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(HostedNotionMcp.TOOLS);
        McpTestClients.assertServedAsRecorded(tools, "notion", "https://mcp.notion.com/mcp");
        McpSchema.Tool create = tools.stream().filter(t -> t.name().equals("notion-create-pages")).findFirst()
                .orElseThrow();
        assertThat(create.inputSchema().get("required")).isEqualTo(List.of("pages"));
    }

    @Test
    void aCreatedPageIsFoundBySearchAndFetched() {
        McpSchema.CallToolResult result = McpTestClients.call(client, "notion-create-pages", Map.of(
                "allow_async", false,
                "parent", Map.of("page_id", parent.replace("-", "")),
                "pages", List.of(Map.of("properties", Map.of("title", "Weekly report"),
                        "content", "Exported from YARNNN · ref 1a2b3c4d\n\n## Summary\n| a | b |\n|---|---|\n| 1 | 2 |"))));

        assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
        JsonNode created = McpTestClients.text(result).get("pages").get(0);
        String id = created.get("id").asString();
        assertThat(created.get("url").asString()).isEqualTo("https://www.notion.so/Weekly-report-" + id.replace("-", ""));
        assertThat(McpTestClients.tree(result.structuredContent())).isEqualTo(McpTestClients.text(result));

        JsonNode found = McpTestClients.text(McpTestClients.call(client, "notion-search",
                Map.of("query", "ref 1a2b3c4d", "page_url", HostedNotionMcp.pageUrl("Reports", parent))));
        assertThat(found.get("type").asString()).isEqualTo("workspace_search");
        assertThat(found.get("results")).extracting(r -> r.get("id").asString()).containsExactly(id);
        assertThat(found.get("results").get(0).get("path").asString()).isEqualTo("Reports / Weekly report");

        JsonNode fetched = McpTestClients.text(McpTestClients.call(client, "notion-fetch",
                Map.of("id", created.get("url").asString())));
        assertThat(fetched.get("title").asString()).isEqualTo("Weekly report");
        assertThat(fetched.get("text").asString()).isEqualTo("<page url=\"" + created.get("url").asString()
                + "\">\n<ancestor-path>\n<parent-page url=\"" + HostedNotionMcp.pageUrl("Reports", parent)
                + "\" title=\"Reports\"/>\n</ancestor-path>\n<properties>\n{\"title\":\"Weekly report\"}\n</properties>\n"
                + "<content>\nExported from YARNNN · ref 1a2b3c4d\n\n## Summary\n| a | b |\n|---|---|\n| 1 | 2 |\n"
                + "</content>\n</page>");
        assertThat(McpTestClients.text(McpTestClients.call(client, "notion-fetch", Map.of("id", parent)))
                .get("text").asString()).endsWith("\n<page url=\"" + created.get("url").asString()
                + "\">Weekly report</page>\n</content>\n</page>");

        assertThat(notion.children("W1", parent)).extracting(HostedNotionMcp.Page::title)
                .containsExactly("Weekly report");
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);
    }

    @Test
    void searchTrailsWritesByTheIndexLagWhileFetchSeesThemAtOnce() {
        notion.searchIndexLag(Duration.ofMinutes(1));
        String id = notion.addPage("W1", parent, "Late report", "Exported from YARNNN · ref 9f8e7d6c");

        JsonNode found = McpTestClients.text(McpTestClients.call(client, "notion-search",
                Map.of("query", "ref 9f8e7d6c")));
        assertThat(found.get("results")).isEmpty();
        assertThat(McpTestClients.text(McpTestClients.call(client, "notion-fetch", Map.of("id", id)))
                .get("text").asString()).contains("<content>\nExported from YARNNN · ref 9f8e7d6c\n</content>");

        notion.searchIndexLag(Duration.ZERO);
        assertThat(McpTestClients.text(McpTestClients.call(client, "notion-search", Map.of("query", "ref 9f8e7d6c")))
                .get("results")).extracting(r -> r.get("id").asString()).containsExactly(id);
    }

    @Test
    void aPageIsUpdatedBySearchAndReplaceOrReplacedWhole() {
        String id = notion.addPage("W1", parent, "Draft", "Part one\n\nTODO");

        JsonNode updated = McpTestClients.text(McpTestClients.call(client, "notion-update-page", Map.of(
                "page_id", id, "command", "update_content",
                "content_updates", List.of(Map.of("old_str", "TODO", "new_str", "Part two")))));
        assertThat(updated.get("page_id").asString()).isEqualTo(id);
        assertThat(notion.page("W1", id)).get().extracting(HostedNotionMcp.Page::content)
                .isEqualTo("Part one\n\nPart two");

        McpSchema.CallToolResult unmatched = McpTestClients.call(client, "notion-update-page", Map.of(
                "page_id", id, "command", "update_content",
                "content_updates", List.of(Map.of("old_str", "absent", "new_str", "x"))));
        assertThat(unmatched.isError()).isTrue();
        assertThat(McpTestClients.text(unmatched).get("error").get("code").asString()).isEqualTo("validation_error");

        McpTestClients.call(client, "notion-update-page", Map.of("page_id", id, "command", "replace_content",
                "new_str", "All new"));
        McpTestClients.call(client, "notion-update-page", Map.of("page_id", id, "command", "update_properties",
                "properties", Map.of("title", "Final")));
        assertThat(notion.page("W1", id)).get().satisfies(page -> {
            assertThat(page.content()).isEqualTo("All new");
            assertThat(page.title()).isEqualTo("Final");
        });
    }

    @Test
    void argumentsTheRecordedSchemaDoesNotAllowAreRefused() {
        McpSchema.CallToolResult refused = McpTestClients.call(client, "notion-create-pages", Map.of(
                "pages", List.of(Map.of("properties", Map.of("title", "x"))), "children", List.of()));

        assertThat(refused.isError()).isTrue();
        assertThat(notion.pages("W1")).hasSize(1);
    }

    @Test
    void errorsAreErrorResultsWithStructuredContent() {
        McpSchema.CallToolResult missing = McpTestClients.call(client, "notion-create-pages", Map.of(
                "parent", Map.of("page_id", "00000000-0000-0000-0000-000000000000"),
                "pages", List.of(Map.of("properties", Map.of("title", "x")))));
        assertThat(missing.isError()).isTrue();
        assertThat(McpTestClients.text(missing).get("error").get("code").asString()).isEqualTo("object_not_found");
        assertThat(McpTestClients.tree(missing.structuredContent())).isEqualTo(McpTestClients.text(missing));

        try (McpSyncClient bob = McpTestClients.client(notion.url(), "ntn-bob")) {
            assertThat(McpTestClients.call(bob, "notion-fetch", Map.of("id", parent)).isError()).isTrue();
        }
    }

    @Test
    void aRateLimitTheServerDoesNotWaitOutIsTheDocumentedToolError() {
        notion.rateLimitNextToolCalls(1, 30, "integration_rate_limit");

        McpSchema.CallToolResult limited = McpTestClients.call(client, "notion-create-pages", Map.of(
                "parent", Map.of("page_id", parent), "pages", List.of(Map.of("properties", Map.of("title", "x")))));

        assertThat(limited.isError()).isTrue();
        JsonNode error = McpTestClients.tree(limited.structuredContent()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("rate_limited");
        assertThat(error.get("retry_after_seconds").asInt()).isEqualTo(30);
        assertThat(error.get("rate_limit_reason").asString()).isEqualTo("integration_rate_limit");
        assertThat(McpTestClients.text(limited)).isEqualTo(McpTestClients.tree(limited.structuredContent()));
        assertThat(notion.children("W1", parent)).isEmpty();
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);

        assertThat(McpTestClients.call(client, "notion-create-pages", Map.of("parent", Map.of("page_id", parent),
                "pages", List.of(Map.of("properties", Map.of("title", "x"))))).isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(notion.children("W1", parent)).hasSize(1);
    }
}
