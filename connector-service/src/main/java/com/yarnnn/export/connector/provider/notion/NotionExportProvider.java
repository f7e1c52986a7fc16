package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import io.modelcontextprotocol.spec.McpError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Exports a deliverable as a new child page of the destination page, through the real
 * {@code @notionhq/notion-mcp-server}: {@code API-post-page} with the first blocks, then
 * {@code API-patch-block-children} for the rest, in order. The page opens with a line naming the export
 * ({@code Exported from YARNNN · ref 1a2b3c4d}). One server runs per connection, with its token in
 * {@code NOTION_TOKEN}; operators may repoint it ({@code yarnnn.mcp.servers.notion.env.BASE_URL}).
 */
public class NotionExportProvider implements ExportProvider {

    public static final String ID = "notion";

    private static final Logger log = LoggerFactory.getLogger(NotionExportProvider.class);
    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Notion",
            "Add the deliverable as a new page under a Notion page shared with YARNNN", "notion", true);
    private static final int PAGE_SIZE = 100;
    private static final NotionBlockFormatter FORMATTER = new NotionBlockFormatter();

    private final McpSessionManager mcp;
    private final ProviderConnections connections;
    private final NotionProperties properties;
    private final UnfinishedPages unfinished = new UnfinishedPages();

    public NotionExportProvider(McpSessionManager mcp, ConnectionAccess connections, NotionProperties properties) {
        this.mcp = mcp;
        this.connections = new ProviderConnections(ID, connections, "Connect a Notion account to export to Notion");
        this.properties = properties;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void checkDestination(String destinationId) {
        NotionPageId.parse(destinationId);
    }

    @Override
    public List<RateBudget> budgets(ExportRequested request) {
        return connectionBudgets(request);
    }

    /** Notion allows about three requests a second per connection; calls through its hosted MCP server count too. */
    static List<RateBudget> connectionBudgets(ExportRequested request) {
        return List.of(new RateBudget("notion:connection:" + request.connectionId(), "this Notion connection", 3,
                Duration.ofSeconds(1)));
    }

    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        String parentId = NotionPageId.parse(request.destinationId());
        McpServerSpec server = server(connections.open(request.connectionId()));
        List<NotionBlock> blocks = NotionRequests.topLevel(pageBlocks(request));
        UnfinishedPages.UnfinishedPage page = unfinished.find(request.exportId()).orElse(null);
        int written = page != null ? blocksAlreadyOn(server, page, blocks.size()) : -1;
        if (written < 0) {
            List<NotionBlock> first = NotionRequests.batches(blocks).get(0);
            JsonNode created = call(server, "API-post-page", Map.of(
                    "parent", Map.of("page_id", parentId),
                    "properties", Map.of("title", NotionBlockFormatter.plainRichText(title(request))),
                    "children", NotionRequests.json(first)));
            page = new UnfinishedPages.UnfinishedPage(created.path("id").asString(), created.path("url").asString());
            unfinished.remember(request.exportId(), page);
            written = first.size();
        }
        int appends = 0;
        for (List<NotionBlock> batch : NotionRequests.batches(blocks.subList(written, blocks.size()))) {
            call(server, "API-patch-block-children", Map.of("block_id", page.id(), "children", NotionRequests.json(batch)));
            appends++;
        }
        unfinished.forget(request.exportId());
        log.info("Export {} is Notion page {} ({} top-level blocks; this attempt appended {} in {} requests)",
                request.exportId(), page.id(), blocks.size(), blocks.size() - written, appends);
        return new DeliveryReceipt(page.id(), page.url());
    }

    /**
     * Before creating the page again, looks under the parent for a page an earlier attempt of this export created —
     * in this or a process that died since: a child page with the export's title whose first block carries its
     * reference. Found, the page is completed instead of made twice.
     */
    @Override
    public DeliveryReceipt redeliver(ExportRequested request) {
        if (unfinished.find(request.exportId()).isEmpty()) {
            McpServerSpec server = server(connections.open(request.connectionId()));
            try {
                createdEarlier(server, NotionPageId.parse(request.destinationId()), request)
                        .ifPresent(page -> unfinished.remember(request.exportId(), page));
            } catch (DeliveryException e) {
                // a parent it cannot read holds no earlier page; delivering says what is wrong with it
                if (!"object_not_found".equals(e.code())) {
                    throw e;
                }
            }
        }
        return deliver(request);
    }

    private Optional<UnfinishedPages.UnfinishedPage> createdEarlier(McpServerSpec server, String parentId,
            ExportRequested request) {
        String title = title(request);
        List<String> candidates = new ArrayList<>();
        eachPage(server, "API-get-block-children", Map.of("block_id", parentId), children -> {
            for (JsonNode child : children.path("results")) {
                if (title.equals(child.path("child_page").path("title").asString(null))) {
                    candidates.add(child.path("id").asString());
                }
            }
            return true;
        });
        String reference = ExportReference.of(request.exportId());
        for (int i = candidates.size() - 1; i >= 0; i--) {
            String pageId = candidates.get(i);
            JsonNode first = call(server, "API-get-block-children", Map.of("block_id", pageId, "page_size", 1))
                    .path("results").path(0);
            if (first.toString().contains(reference)) {
                return Optional.of(new UnfinishedPages.UnfinishedPage(pageId,
                        "https://www.notion.so/" + pageId.replace("-", "")));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean listsDestinations() {
        return true;
    }

    @Override
    public List<Destination> destinations(ActiveConnection connection) {
        List<Destination> pages = new ArrayList<>();
        eachPage(server(connection), "API-post-search", Map.of("filter", Map.of("property", "object", "value", "page")),
                found -> {
                    for (JsonNode page : found.path("results")) {
                        if (pages.size() < properties.destinationLimit()) {
                            pages.add(new Destination(page.path("id").asString(), pageTitle(page), "page"));
                        }
                    }
                    return pages.size() < properties.destinationLimit();
                });
        return pages;
    }

    @Override
    public void validateConnection(ActiveConnection connection) {
        JsonNode self = call(server(connection), "API-get-self", Map.of());
        if (!"user".equals(self.path("object").asString(""))) {
            throw new DeliveryException("notion_unexpected_response", "Notion did not describe the connected "
                    + "integration", true, null);
        }
    }

    /** The page's content: the reference line, then the deliverable. */
    static List<NotionBlock> pageBlocks(ExportRequested request) {
        String reference = ExportReference.line(request.exportId());
        List<NotionBlock> blocks = new ArrayList<>(NotionBlockFormatter.paragraph(List.of(
                new RichText(reference, TextStyle.PLAIN.withItalic().withColor("gray"), null))));
        blocks.addAll(FORMATTER.format(request.content()));
        return blocks;
    }

    /**
     * How many of the export's top-level blocks the page created by an earlier attempt already holds (Notion
     * applies each append whole), or -1 when that page is gone and a new one must be made.
     */
    private int blocksAlreadyOn(McpServerSpec server, UnfinishedPages.UnfinishedPage page, int expected) {
        int[] count = {0};
        try {
            eachPage(server, "API-get-block-children", Map.of("block_id", page.id()), children -> {
                count[0] += children.path("results").size();
                return count[0] < expected;
            });
        } catch (DeliveryException e) {
            if ("object_not_found".equals(e.code())) {
                return -1;
            }
            throw e;
        }
        return Math.min(count[0], expected);
    }

    /** Calls a paginated tool, 100 results at a time, until Notion has no more or {@code wantMore} says stop. */
    private void eachPage(McpServerSpec server, String tool, Map<String, Object> arguments,
            Predicate<JsonNode> wantMore) {
        String cursor = null;
        do {
            Map<String, Object> page = new LinkedHashMap<>(arguments);
            page.put("page_size", PAGE_SIZE);
            if (cursor != null) {
                page.put("start_cursor", cursor);
            }
            JsonNode found = call(server, tool, page);
            if (!wantMore.test(found)) {
                return;
            }
            cursor = found.path("has_more").asBoolean(false) ? found.path("next_cursor").asString(null) : null;
        } while (cursor != null);
    }

    private McpServerSpec server(ActiveConnection connection) {
        return connections.server(connection, "node", List.of(properties.entry(), "--transport", "stdio"),
                Map.of("NOTION_TOKEN", connection.accessToken().reveal()));
    }

    private JsonNode call(McpServerSpec server, String tool, Map<String, Object> arguments) {
        try {
            return NotionResultParser.parse(mcp.callTool(server, tool, arguments));
        } catch (McpError e) {
            throw NotionResultParser.callFailure(e);
        }
    }

    static String title(ExportRequested request) {
        String title = request.title().strip();
        return title.isEmpty() ? "Untitled" : title;
    }

    /** The text of the page's title property, whatever that property is called (pages in databases rename it). */
    private static String pageTitle(JsonNode page) {
        for (JsonNode property : page.path("properties")) {
            if ("title".equals(property.path("type").asString(""))) {
                StringBuilder title = new StringBuilder();
                property.path("title").forEach(part -> title.append(part.path("plain_text").asString("")));
                if (!title.isEmpty()) {
                    return title.toString();
                }
            }
        }
        return "Untitled";
    }
}
