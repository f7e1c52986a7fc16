package com.yarnnn.export.fakes.hosted;

import com.yarnnn.export.fakes.oauth.FakeMcpAuthorizationServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of Notion's hosted MCP server ({@code https://mcp.notion.com/mcp}): a real MCP server over
 * Streamable HTTP on a loopback port that wants the user's OAuth token on every request, serves Notion's tools with
 * the input schemas Notion publishes ({@code hosted-mcp/notion/*.json}, sources in {@code hosted-mcp/SOURCES.md}) and
 * keeps workspaces' pages in memory with their Notion-flavored markdown, searchable by text, so a test (or a retry)
 * finds an earlier attempt's page by a reference string and reads back what was written.
 *
 * <p>Served: {@code notion-search}, {@code notion-fetch}, {@code notion-create-pages}, {@code notion-update-page}.
 * Answers carry the JSON both as {@code structuredContent} and as text, as Notion documents for its tool errors;
 * errors are {@code isError} results with {@code {"error":{"code","message",...}}}, a rate limit the documented
 * {@code {"error":{"code":"rate_limited","retry_after_seconds","rate_limit_reason"}}}.
 */
public final class HostedNotionMcp extends HostedMcpDouble {

    /** The tools served. */
    public static final List<String> TOOLS = List.of("notion-search", "notion-fetch", "notion-create-pages",
            "notion-update-page");

    /** The most results {@code notion-search} returns (Notion documents "up to 50 results"). */
    public static final int MAX_SEARCH_RESULTS = 50;

    /**
     * A page as stored: its ID (a UUID with dashes), its parent page's ID (null for a top-level page), its title
     * ({@code properties.title}), its content (Notion-flavored markdown, without the title) and its URL.
     */
    public record Page(String id, String parentId, String title, String content, String url, Instant createdTime,
            Instant lastEditedTime) {
    }

    private static final class Workspace {

        final String id;
        final Map<String, Page> pages = new LinkedHashMap<>();

        Workspace(String id) {
            this.id = id;
        }
    }

    private static final Pattern PLAIN_ID = Pattern.compile("(?<![0-9a-fA-F])([0-9a-fA-F]{32})(?![0-9a-fA-F])");
    private static final Pattern DASHED_ID = Pattern.compile(
            "(?<![0-9a-fA-F])([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9a-fA-F])");

    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final Map<String, Workspace> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfterSeconds;
    private volatile String rateLimitReason;
    private volatile Duration searchIndexLag = Duration.ZERO;
    private final HostedMcpServer<Workspace> server;

    private HostedNotionMcp() {
        List<HostedMcpServer.Tool<Workspace>> tools = List.of(
                tool("notion-search", this::search),
                tool("notion-fetch", this::fetch),
                tool("notion-create-pages", this::createPages),
                tool("notion-update-page", this::updatePage));
        this.server = new HostedMcpServer<>("notion-mcp-double", "1.0.0", tools, tokens::get, List.of());
    }

    /** Starts a double on a free loopback port; it knows no workspace or token yet. */
    public static HostedNotionMcp start() {
        return new HostedNotionMcp();
    }

    public HostedNotionMcp workspace(String workspaceId) {
        workspaces.put(workspaceId, new Workspace(workspaceId));
        return this;
    }

    /** Registers a token: requests carrying it see and write the pages of {@code workspaceId}. */
    public HostedNotionMcp token(String token, String workspaceId) {
        tokens.put(token, workspaceOf(workspaceId));
        return this;
    }

    /**
     * Starts the authorization server that issues this double's tokens, as Notion's MCP authorization server does
     * for {@code https://mcp.notion.com/mcp}, and names it in the protected-resource metadata: a user who authorizes
     * there reaches {@code workspaceId}.
     */
    public FakeMcpAuthorizationServer startAuthorizationServer(String workspaceId) {
        workspaceOf(workspaceId);
        FakeMcpAuthorizationServer authorization = FakeMcpAuthorizationServer.start(url(),
                new FakeMcpAuthorizationServer.ResourceServer() {
                    @Override
                    public void accept(String accessToken, String workspace) {
                        token(accessToken, workspace);
                    }

                    @Override
                    public void revoke(String accessToken) {
                        HostedNotionMcp.this.revoke(accessToken);
                    }
                }, workspaceId);
        server.authorizationServers(List.of(authorization.issuer()));
        return authorization;
    }

    /** Revokes a token: every later request carrying it is answered 401 {@code invalid_token}. */
    public void revoke(String token) {
        tokens.remove(token);
    }

    /** Adds a top-level page (a parent for the pages a test creates) and returns its ID. */
    public String addPage(String workspaceId, String title, String content) {
        return addPage(workspaceId, null, title, content);
    }

    /** Adds a page under {@code parentId} (null for a top-level page) and returns its ID. */
    public String addPage(String workspaceId, String parentId, String title, String content) {
        Workspace workspace = workspaceOf(workspaceId);
        synchronized (workspace) {
            return store(workspace, parentId, title, content).id();
        }
    }

    /** Every page of a workspace, in the order they were created. */
    public List<Page> pages(String workspaceId) {
        Workspace workspace = workspaceOf(workspaceId);
        synchronized (workspace) {
            return List.copyOf(workspace.pages.values());
        }
    }

    /** A page by its ID (with or without dashes) or URL. */
    public Optional<Page> page(String workspaceId, String idOrUrl) {
        Workspace workspace = workspaceOf(workspaceId);
        synchronized (workspace) {
            return Optional.ofNullable(normalize(idOrUrl)).map(workspace.pages::get);
        }
    }

    /** The pages directly under {@code parentId}, in the order they were created. */
    public List<Page> children(String workspaceId, String parentId) {
        String parent = normalize(parentId);
        return pages(workspaceId).stream().filter(p -> Objects.equals(parent, p.parentId())).toList();
    }

    /**
     * The next {@code count} tool calls reach their tool but answer Notion's documented rate-limit tool error
     * ({@code isError}, {@code structuredContent.error.code = "rate_limited"}, {@code retry_after_seconds},
     * {@code rate_limit_reason}, the same JSON as text), writing nothing. This is how the hosted server reports a
     * rate limit it does not wait out, over HTTP 200.
     */
    public void rateLimitNextToolCalls(int count, int retryAfterSeconds, String reason) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitReason = reason;
        rateLimited.addAndGet(count);
    }

    /**
     * How long a page written (created or edited) stays out of {@code notion-search} results, as Notion's search
     * index trails its writes; {@code notion-fetch} sees every write at once. Zero (the default) finds pages at once.
     */
    public HostedNotionMcp searchIndexLag(Duration lag) {
        this.searchIndexLag = lag;
        return this;
    }

    /** The URL Notion gives a page: {@code https://www.notion.so/<Title-words>-<id without dashes>}. */
    public static String pageUrl(String title, String id) {
        String slug = title == null ? "" : title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return "https://www.notion.so/" + (slug.isEmpty() ? "" : slug + "-") + id.replace("-", "");
    }

    @Override
    HostedMcpServer<?> server() {
        return server;
    }

    // ---- the tools ----

    private McpSchema.CallToolResult search(ToolCall<Workspace> call) {
        Workspace workspace = call.tenant();
        if ("user".equals(call.string("query_type"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", List.of());
            body.put("type", "user_search");
            return ToolCall.answer(body, true);
        }
        String query = Objects.requireNonNullElse(call.string("query"), "").toLowerCase(Locale.ROOT).trim();
        String within = call.string("page_url") == null ? null : normalize(call.string("page_url"));
        Instant indexedBefore = Instant.now().minus(searchIndexLag);
        synchronized (workspace) {
            if (call.string("page_url") != null && (within == null || !workspace.pages.containsKey(within))) {
                throw notionError("object_not_found", 404, "Could not find page with ID: " + call.string("page_url"));
            }
            List<Map<String, Object>> results = workspace.pages.values().stream()
                    .filter(p -> !p.lastEditedTime().isAfter(indexedBefore))
                    .filter(p -> within == null || under(workspace, p, within))
                    .filter(p -> matches(p, query))
                    .sorted(Comparator.comparing(Page::lastEditedTime).reversed())
                    .limit(MAX_SEARCH_RESULTS)
                    .map(p -> {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("id", p.id());
                        result.put("title", p.title());
                        result.put("url", p.url());
                        result.put("type", "page");
                        result.put("highlight", highlight(p, query));
                        result.put("timestamp", p.lastEditedTime().toString());
                        result.put("path", path(workspace, p));
                        return result;
                    }).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("results", results);
            body.put("type", "workspace_search");
            return ToolCall.answer(body, true);
        }
    }

    private McpSchema.CallToolResult fetch(ToolCall<Workspace> call) {
        Workspace workspace = call.tenant();
        synchronized (workspace) {
            Page page = pageOrFail(workspace, call.string("id"));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("metadata", Map.of("type", "page"));
            body.put("id", page.id());
            body.put("title", page.title());
            body.put("url", page.url());
            body.put("path", path(workspace, page));
            body.put("page_last_edited_at", page.lastEditedTime().toString());
            body.put("text", fetchText(workspace, page));
            return ToolCall.answer(body, true);
        }
    }

    private McpSchema.CallToolResult createPages(ToolCall<Workspace> call) {
        Workspace workspace = call.tenant();
        Map<String, Object> parent = call.object("parent");
        List<Map<String, Object>> pages = call.objects("pages");
        if (pages.isEmpty()) {
            throw notionError("validation_error", 400, "pages should not be empty");
        }
        synchronized (workspace) {
            String parentId = null;
            if (parent != null) {
                if (parent.containsKey("database_id") || parent.containsKey("data_source_id")) {
                    throw notionError("validation_error", 400,
                            "This test double serves no databases; create pages under a page");
                }
                if (parent.containsKey("page_id")) {
                    parentId = pageOrFail(workspace, String.valueOf(parent.get("page_id"))).id();
                }
            }
            if (parent != null && call.string("creation_mode") != null) {
                throw notionError("validation_error", 400, "creation_mode cannot be combined with parent");
            }
            List<Map<String, Object>> created = new ArrayList<>();
            for (Map<String, Object> spec : pages) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = spec.get("properties") instanceof Map<?, ?> map
                        ? (Map<String, Object>) map : Map.of();
                Object title = properties.get("title");
                Page page = store(workspace, parentId, title == null ? "" : title.toString(),
                        spec.get("content") == null ? "" : spec.get("content").toString());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("id", page.id());
                result.put("url", page.url());
                result.put("properties", Map.of("title", page.title()));
                created.add(result);
            }
            return ToolCall.answer(Map.of("pages", created), true);
        }
    }

    private McpSchema.CallToolResult updatePage(ToolCall<Workspace> call) {
        Workspace workspace = call.tenant();
        synchronized (workspace) {
            Page page = pageOrFail(workspace, call.string("page_id"));
            String command = Objects.requireNonNullElse(call.string("command"), "");
            Page updated = switch (command) {
                case "replace_content" -> {
                    String replacement = call.string("new_str");
                    if (replacement == null) {
                        throw notionError("validation_error", 400, "new_str is required for replace_content");
                    }
                    yield edited(page, page.title(), replacement);
                }
                case "update_content" -> edited(page, page.title(), replaced(page.content(),
                        call.objects("content_updates")));
                case "update_properties" -> {
                    Map<String, Object> properties = Objects.requireNonNullElse(call.object("properties"), Map.of());
                    for (String name : properties.keySet()) {
                        if (!"title".equals(name)) {
                            throw notionError("validation_error", 400, "Property \"" + name
                                    + "\" does not exist: a page outside a database has only \"title\"");
                        }
                    }
                    Object title = properties.get("title");
                    yield edited(page, title == null ? "" : title.toString(), page.content());
                }
                default -> throw notionError("validation_error", 400,
                        "This test double does not serve the command \"" + command + "\"");
            };
            workspace.pages.put(updated.id(), updated);
            return ToolCall.answer(Map.of("page_id", updated.id()), true);
        }
    }

    // ---- helpers ----

    /**
     * The page as Notion's fetch shows it: wrapped in {@code <page url>}, its ancestors nearest first
     * ({@code <parent-page url title/>}, then {@code <ancestor-2-page …/>}, …), its title property, and its content
     * followed by a {@code <page url>Title</page>} line per child page, oldest first (Notion appends a page it
     * creates under another to that page's content).
     */
    private static String fetchText(Workspace workspace, Page page) {
        StringBuilder text = new StringBuilder("<page url=\"").append(page.url()).append("\">\n<ancestor-path>\n");
        int level = 1;
        for (Page p = parentOf(workspace, page); p != null; p = parentOf(workspace, p), level++) {
            text.append(level == 1 ? "<parent-page" : "<ancestor-" + level + "-page").append(" url=\"").append(p.url())
                    .append("\" title=\"").append(p.title().replace("\"", "&quot;")).append("\"/>\n");
        }
        text.append("</ancestor-path>\n<properties>\n")
                .append(ToolCall.JSON.writeValueAsString(Map.of("title", page.title())))
                .append("\n</properties>\n<content>\n").append(page.content());
        for (Page child : workspace.pages.values()) {
            if (page.id().equals(child.parentId())) {
                text.append("\n<page url=\"").append(child.url()).append("\">").append(child.title()).append("</page>");
            }
        }
        return text.append("\n</content>\n</page>").toString();
    }

    private static Page parentOf(Workspace workspace, Page page) {
        return page.parentId() == null ? null : workspace.pages.get(page.parentId());
    }

    private HostedMcpServer.Tool<Workspace> tool(String name,
            Function<ToolCall<Workspace>, McpSchema.CallToolResult> handler) {
        ToolDescriptor descriptor = ToolDescriptor.load("notion", name);
        return new HostedMcpServer.Tool<>(descriptor, call -> {
            if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", "rate_limited");
                error.put("message", "Rate limited. Retry after " + retryAfterSeconds + " seconds.");
                error.put("retry_after_seconds", retryAfterSeconds);
                error.put("rate_limit_reason", rateLimitReason);
                throw new ToolCall.Rejected(Map.of("error", error), true);
            }
            return handler.apply(call);
        });
    }

    private static Page store(Workspace workspace, String parentId, String title, String content) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Page page = new Page(id, normalize(parentId), title, content, pageUrl(title, id), now, now);
        workspace.pages.put(id, page);
        return page;
    }

    private static Page edited(Page page, String title, String content) {
        return new Page(page.id(), page.parentId(), title, content, pageUrl(title, page.id()), page.createdTime(),
                Instant.now());
    }

    /** Applies search-and-replace operations all or none, as Notion does. */
    private static String replaced(String content, List<Map<String, Object>> updates) {
        if (updates.isEmpty()) {
            throw notionError("validation_error", 400, "content_updates is required for update_content");
        }
        String result = content;
        for (Map<String, Object> update : updates) {
            String oldStr = String.valueOf(update.get("old_str"));
            String newStr = String.valueOf(update.get("new_str"));
            if (oldStr.equals(newStr)) {
                continue;
            }
            if (oldStr.isEmpty()) {
                throw notionError("validation_error", 400, "old_str must not be empty");
            }
            int first = result.indexOf(oldStr);
            if (first < 0) {
                throw notionError("validation_error", 400, "No match found for old_str: " + oldStr);
            }
            if (Boolean.TRUE.equals(update.get("replace_all_matches"))) {
                result = result.replace(oldStr, newStr);
            } else if (result.indexOf(oldStr, first + 1) >= 0) {
                throw notionError("validation_error", 400,
                        "old_str matches more than one location; set replace_all_matches: " + oldStr);
            } else {
                result = result.substring(0, first) + newStr + result.substring(first + oldStr.length());
            }
        }
        return result;
    }

    private static boolean matches(Page page, String query) {
        if (query.isEmpty()) {
            return true;
        }
        String haystack = (page.title() + "\n" + page.content()).toLowerCase(Locale.ROOT);
        if (haystack.contains(query)) {
            return true;
        }
        for (String term : query.split("\\s+")) {
            if (!haystack.contains(term)) {
                return false;
            }
        }
        return true;
    }

    private static String highlight(Page page, String query) {
        String content = page.content();
        int at = query.isEmpty() ? -1 : content.toLowerCase(Locale.ROOT).indexOf(query.split("\\s+")[0]);
        int from = Math.max(0, at < 0 ? 0 : at - 60);
        return content.substring(from, Math.min(content.length(), from + 200));
    }

    private static boolean under(Workspace workspace, Page page, String ancestorId) {
        for (Page p = page; p != null; p = p.parentId() == null ? null : workspace.pages.get(p.parentId())) {
            if (p.id().equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    private static String path(Workspace workspace, Page page) {
        List<String> titles = new ArrayList<>();
        for (Page p = page; p != null; p = p.parentId() == null ? null : workspace.pages.get(p.parentId())) {
            titles.add(0, p.title());
        }
        return String.join(" / ", titles);
    }

    private static Page pageOrFail(Workspace workspace, String idOrUrl) {
        String id = normalize(idOrUrl);
        Page page = id == null ? null : workspace.pages.get(id);
        if (page == null) {
            throw notionError("object_not_found", 404, "Could not find page with ID: " + idOrUrl
                    + ". Make sure the relevant pages and databases are shared with your integration.");
        }
        return page;
    }

    /** An ID with or without dashes, or a URL ending in one, as a dashed lower-case UUID; null if there is none. */
    static String normalize(String idOrUrl) {
        if (idOrUrl == null) {
            return null;
        }
        String last = null;
        for (Matcher dashed = DASHED_ID.matcher(idOrUrl); dashed.find();) {
            last = dashed.group(1);
        }
        for (Matcher plain = PLAIN_ID.matcher(idOrUrl); last == null && plain.find();) {
            String hex = plain.group(1);
            last = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        }
        return last == null ? null : last.toLowerCase(Locale.ROOT);
    }

    private static ToolCall.Rejected notionError(String code, int status, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("status", status);
        error.put("message", message);
        return new ToolCall.Rejected(Map.of("error", error), true);
    }

    private Workspace workspaceOf(String workspaceId) {
        Workspace workspace = workspaces.get(workspaceId);
        if (workspace == null) {
            throw new IllegalArgumentException("No workspace " + workspaceId + "; add it with workspace(id)");
        }
        return workspace;
    }
}
