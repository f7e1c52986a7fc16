package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.mcp.remote.RemoteServer;
import com.yarnnn.export.connector.provider.ProviderConnections;
import io.modelcontextprotocol.spec.McpError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The calls to Notion's hosted MCP server ({@code yarnnn.mcp.remote.servers.notion.url},
 * {@code https://mcp.notion.com/mcp}) with the connection's OAuth token, through {@link RemoteMcpSessions}: one
 * client per connection, no process. Tools and arguments as recorded in vendor-fakes
 * {@code hosted-mcp/notion/*.json}.
 */
final class HostedNotionTools {

    /** A page {@code notion-create-pages} made. */
    record CreatedPage(String id, String url) {
    }

    /** A page {@code notion-search} found. */
    record FoundPage(String id, String title, String url) {
    }

    private final RemoteMcpSessions sessions;
    private final RemoteServer server;
    private final ProviderConnections connections;

    /**
     * @throws IllegalArgumentException when no {@code yarnnn.mcp.remote.servers.notion.url} is configured
     */
    HostedNotionTools(RemoteMcpSessions sessions, ProviderConnections connections) {
        this.sessions = sessions;
        this.server = sessions.server(NotionExportProvider.ID);
        this.connections = connections;
    }

    /** One {@code notion-create-pages} call: one page under {@code parentId}, its title and its markdown. */
    CreatedPage createPage(ActiveConnection connection, Map<String, Object> arguments) {
        JsonNode page = call(connection, "notion-create-pages", arguments).path("pages").path(0);
        String url = page.path("url").asString("");
        String id = FetchedNotionPage.idOf(page.path("id").asString(url));
        return new CreatedPage(id, url.isEmpty() && id != null ? "https://www.notion.so/" + id.replace("-", "") : url);
    }

    /** {@code notion-search} for pages, within {@code pageId} and its descendants when it is given. */
    List<FoundPage> search(ActiveConnection connection, String query, String pageId) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("query", query);
        if (pageId != null) {
            arguments.put("page_url", pageId);
        }
        List<FoundPage> pages = new ArrayList<>();
        for (JsonNode result : call(connection, "notion-search", arguments).path("results")) {
            String id = FetchedNotionPage.idOf(result.path("id").asString(result.path("url").asString("")));
            if ("page".equals(result.path("type").asString("page")) && id != null) {
                pages.add(new FoundPage(id, result.path("title").asString(""), result.path("url").asString("")));
            }
        }
        return pages;
    }

    /** {@code notion-fetch} of a page by its ID or URL. */
    FetchedNotionPage fetch(ActiveConnection connection, String idOrUrl) {
        return FetchedNotionPage.of(call(connection, "notion-fetch", Map.of("id", idOrUrl)));
    }

    private JsonNode call(ActiveConnection connection, String tool, Map<String, Object> arguments) {
        try {
            return HostedNotionResults.parse(sessions.callTool(server, connection.connection().id(),
                    connections.tokens(connection), tool, arguments));
        } catch (McpError e) {
            throw NotionResultParser.callFailure(e);
        }
    }
}
