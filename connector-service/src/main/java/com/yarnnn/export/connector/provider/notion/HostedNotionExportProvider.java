package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a deliverable as a new child page of the destination page through Notion's hosted MCP server
 * ({@code yarnnn.providers.notion.transport=remote}): ONE {@code notion-create-pages} call with
 * {@code parent: {page_id}} and {@code pages: [{properties: {title}, content}]}, the content the deliverable in
 * Notion-flavored markdown ({@link NotionMarkdownFormatter}) opened by the export's reference line, as the stdio
 * transport's pages are. Notion turns the markdown into blocks itself, so there are no block batches, and a page is
 * made whole or not at all.
 *
 * <p>Limits: the request stays within Notion's documented 500 KB per request (developers.notion.com/reference/
 * request-limits, quoted in the design's peers-limits-and-patterns §2.7); a larger deliverable is refused, finally
 * ({@code notion_page_too_large}), rather than cut. The title, a rich-text property, is cut to Notion's 2,000
 * characters per text item. The block API's other limits (100 children an array, 1,000 block elements a request,
 * 2,000 characters a text item, two levels of nesting) concern the JSON blocks a caller sends; here Notion makes the
 * blocks from the markdown, and neither the spec nor the tool description states a limit on {@code content}.
 */
public class HostedNotionExportProvider implements ExportProvider {

    /** Notion's largest request body. */
    static final int MAX_REQUEST_BYTES = 500_000;
    /** Notion's longest rich-text item, which the title property is. */
    static final int MAX_TITLE_LENGTH = 2_000;
    /** How many earlier pages a later attempt reads at most, per way of finding them. */
    private static final int CANDIDATES = 10;

    private static final Logger log = LoggerFactory.getLogger(HostedNotionExportProvider.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostedNotionTools tools;
    private final ProviderConnections connections;
    private final NotionProperties properties;

    /**
     * @throws IllegalArgumentException when no {@code yarnnn.mcp.remote.servers.notion.url} is configured
     */
    public HostedNotionExportProvider(RemoteMcpSessions sessions, ConnectionAccess access,
            NotionProperties properties) {
        this.connections = new ProviderConnections(NotionExportProvider.ID, access,
                "Connect a Notion account to export to Notion");
        this.tools = new HostedNotionTools(sessions, connections);
        this.properties = properties;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return NotionExportProvider.DESCRIPTOR;
    }

    @Override
    public void checkDestination(String destinationId) {
        NotionPageId.parse(destinationId);
    }

    @Override
    public List<RateBudget> budgets(ExportRequested request) {
        return NotionExportProvider.connectionBudgets(request);
    }

    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        String parentId = NotionPageId.parse(request.destinationId());
        ActiveConnection connection = connections.open(request.connectionId());
        Map<String, Object> arguments = createPageArguments(parentId, request);
        HostedNotionTools.CreatedPage page = tools.createPage(connection, arguments);
        log.info("Export {} is Notion page {} (one notion-create-pages call)", request.exportId(), page.id());
        return new DeliveryReceipt(page.id(), page.url());
    }

    /**
     * Before creating the page again, looks under the destination for the page an earlier attempt of this export
     * made (one that timed out after Notion had made it, or one whose answer was lost): first by the export's
     * reference through {@code notion-search} within the destination, then among the destination's own child pages
     * of the export's title. A candidate counts only when {@code notion-fetch} shows it directly under the
     * destination with the reference on its first line; its URL is then the answer and nothing is created.
     *
     * <p>Search alone is not enough: Notion's search reads an index that is updated after the page is written, so
     * a retry seconds after a timed-out create can miss a page that exists. The destination's content, read by
     * {@code notion-fetch} from the page itself, lists every child page ({@code <page url="…">Title</page>}) as soon
     * as it is made. Search comes first because it finds the page by its reference, without reading a destination
     * holding many pages; the destination read settles what search does not find. The test double models both:
     * its search can lag behind its writes ({@code HostedNotionMcp.searchIndexLag}), its fetch never does.
     */
    @Override
    public DeliveryReceipt redeliver(ExportRequested request) {
        String parentId = NotionPageId.parse(request.destinationId());
        ActiveConnection connection = connections.open(request.connectionId());
        Optional<DeliveryReceipt> earlier;
        try {
            earlier = createdEarlier(connection, parentId, request);
        } catch (DeliveryException e) {
            // a destination it cannot read holds no earlier page; delivering says what is wrong with it
            if (!"object_not_found".equals(e.code())) {
                throw e;
            }
            earlier = Optional.empty();
        }
        if (earlier.isPresent()) {
            log.info("Export {} was already delivered as Notion page {}", request.exportId(),
                    earlier.get().externalId());
            return earlier.get();
        }
        return deliver(request);
    }

    private Optional<DeliveryReceipt> createdEarlier(ActiveConnection connection, String parentId,
            ExportRequested request) {
        String reference = ExportReference.of(request.exportId());
        for (HostedNotionTools.FoundPage found : tools.search(connection, reference, parentId).stream()
                .limit(CANDIDATES).toList()) {
            Optional<DeliveryReceipt> confirmed = confirmed(connection, found.id(), parentId, reference);
            if (confirmed.isPresent()) {
                return confirmed;
            }
        }
        String title = pageTitle(request);
        List<FetchedNotionPage.ChildPage> sameTitle = new ArrayList<>(tools.fetch(connection, parentId).childPages()
                .stream().filter(child -> title.equals(child.title().strip())).toList());
        for (int i = sameTitle.size() - 1; i >= Math.max(0, sameTitle.size() - CANDIDATES); i--) {
            Optional<DeliveryReceipt> confirmed = confirmed(connection, sameTitle.get(i).id(), parentId, reference);
            if (confirmed.isPresent()) {
                return confirmed;
            }
        }
        return Optional.empty();
    }

    /** The page, when it is directly under the destination and opens with the export's reference. */
    private Optional<DeliveryReceipt> confirmed(ActiveConnection connection, String pageId, String parentId,
            String reference) {
        FetchedNotionPage page;
        try {
            page = tools.fetch(connection, pageId);
        } catch (DeliveryException e) {
            if ("object_not_found".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        return parentId.equals(page.parentId()) && page.firstLine().contains(reference)
                ? Optional.of(new DeliveryReceipt(page.id() != null ? page.id() : pageId, page.url()))
                : Optional.empty();
    }

    @Override
    public boolean listsDestinations() {
        return true;
    }

    /**
     * The pages the connection can see, as {@code notion-search} finds them with an empty query (at most 50, as
     * Notion documents, and {@code destination-limit}).
     */
    @Override
    public List<Destination> destinations(ActiveConnection connection) {
        return tools.search(connection, "", null).stream()
                .limit(properties.destinationLimit())
                .map(page -> new Destination(page.id(), page.title().isBlank() ? "Untitled" : page.title(), "page"))
                .toList();
    }

    /** One search, the cheapest call every connection may make: a refused token answers 401 first. */
    @Override
    public void validateConnection(ActiveConnection connection) {
        tools.search(connection, "", null);
    }

    /** The arguments of the one {@code notion-create-pages} call, refused whole when over Notion's request limit. */
    static Map<String, Object> createPageArguments(String parentId, ExportRequested request) {
        Map<String, Object> arguments = Map.of(
                "parent", Map.of("page_id", parentId),
                "pages", List.of(Map.of(
                        "properties", Map.of("title", pageTitle(request)),
                        "content", pageContent(request))));
        int bytes = JSON.writeValueAsString(arguments).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_REQUEST_BYTES) {
            throw new DeliveryException("notion_page_too_large", "The deliverable is too large for one Notion page: "
                    + bytes / 1000 + " KB as Notion markdown, and Notion takes at most " + MAX_REQUEST_BYTES / 1000
                    + " KB in one request. Shorten it or split it into several exports", false, null);
        }
        return arguments;
    }

    /** The page's markdown: the reference line (grey, italic, as on the stdio transport), then the deliverable. */
    static String pageContent(ExportRequested request) {
        String reference = NotionMarkdownText.of(List.of(new RichText(ExportReference.line(request.exportId()),
                TextStyle.PLAIN.withItalic().withColor("gray"), null)));
        String deliverable = NotionMarkdownFormatter.format(request.content());
        return deliverable.isEmpty() ? reference : reference + "\n" + deliverable;
    }

    private static String pageTitle(ExportRequested request) {
        String title = NotionExportProvider.title(request);
        if (title.length() <= MAX_TITLE_LENGTH) {
            return title;
        }
        int end = Character.isLowSurrogate(title.charAt(MAX_TITLE_LENGTH)) ? MAX_TITLE_LENGTH - 2 : MAX_TITLE_LENGTH - 1;
        return title.substring(0, end) + "…";
    }
}
