package com.yarnnn.export.fakes.notion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Notion API endpoints the provider uses, on 127.0.0.1, answering in Notion's JSON shapes and recording
 * every request: {@code POST /v1/pages}, {@code PATCH} and {@code GET /v1/blocks/{id}/children},
 * {@code POST /v1/search}, {@code GET /v1/users/me}. Only the expected bearer token is accepted.
 */
public final class FakeNotionApi implements AutoCloseable {

    public record Request(String method, String path, Map<String, String> headers, JsonNode body) {
    }

    private record Failure(String method, int status, String code, String message) {
    }

    static final String BOT_ID = "6794760a-1f15-45cd-9c65-0dfe42f5135a";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<String, List<JsonNode>> pageChildren = new ConcurrentHashMap<>();
    private final List<JsonNode> searchablePages = new CopyOnWriteArrayList<>();

    private FakeNotionApi(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public static FakeNotionApi start(String token) throws IOException {
        return new FakeNotionApi(token);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The top-level blocks a page created here holds now. */
    public List<JsonNode> children(String pageId) {
        return List.copyOf(pageChildren.getOrDefault(pageId, List.of()));
    }

    /** The next request with this method is answered with a Notion error. */
    public void failNext(String method, int status, String code, String message) {
        failures.add(new Failure(method, status, code, message));
    }

    public void addSearchablePages(int count) {
        for (int i = 1; i <= count; i++) {
            searchablePages.add(page(UUID.nameUUIDFromBytes(("page-" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                    "2f3e7a1c-0000-4000-8000-000000000000", "Team page " + i));
        }
    }

    public void reset() {
        requests.clear();
        failures.clear();
        pageChildren.clear();
        searchablePages.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(method, exchange.getRequestURI().toString(), Collections.unmodifiableMap(headers),
                    body.isEmpty() ? JSON.nullNode() : JSON.readTree(body)));
            if (!("Bearer " + token).equals(headers.get("authorization"))) {
                error(exchange, 401, "unauthorized", "API token is invalid.");
                return;
            }
            Failure failure = failures.peek();
            if (failure != null && failure.method().equals(method) && failures.remove(failure)) {
                error(exchange, failure.status(), failure.code(), failure.message());
                return;
            }
            JsonNode request = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
            if (method.equals("POST") && path.equals("/v1/pages")) {
                createPage(exchange, request);
            } else if (method.equals("PATCH") && path.matches("/v1/blocks/[^/]+/children")) {
                appendChildren(exchange, path.split("/")[3], request);
            } else if (method.equals("GET") && path.matches("/v1/blocks/[^/]+/children")) {
                listChildren(exchange, path.split("/")[3], query(exchange));
            } else if (method.equals("POST") && path.equals("/v1/search")) {
                search(exchange, request);
            } else if (method.equals("GET") && path.equals("/v1/users/me")) {
                reply(exchange, 200, JSON.readTree("""
                        {"object":"user","id":"%s","name":"YARNNN","avatar_url":null,"type":"bot",
                         "bot":{"owner":{"type":"workspace","workspace":true},"workspace_name":"Acme"},
                         "request_id":"%s"}""".formatted(BOT_ID, UUID.randomUUID())));
            } else {
                error(exchange, 400, "invalid_request_url", "Invalid request URL.");
            }
        }
    }

    private void createPage(HttpExchange exchange, JsonNode request) throws IOException {
        String parent = request.path("parent").path("page_id").asString();
        String id = UUID.randomUUID().toString();
        StringBuilder title = new StringBuilder();
        request.path("properties").path("title").forEach(part -> title.append(part.path("text").path("content").asString()));
        List<JsonNode> children = Collections.synchronizedList(new ArrayList<>());
        request.path("children").forEach(children::add);
        pageChildren.put(id, children);
        // the new page is a child_page block of its parent, whose id is the page's
        pageChildren.computeIfAbsent(parent, p -> Collections.synchronizedList(new ArrayList<>())).add(JSON.readTree(
                "{\"id\":%s,\"type\":\"child_page\",\"child_page\":{\"title\":%s}}".formatted(
                        JSON.writeValueAsString(id), JSON.writeValueAsString(title.toString()))));
        reply(exchange, 200, page(id, parent, title.toString()));
    }

    private void appendChildren(HttpExchange exchange, String blockId, JsonNode request) throws IOException {
        List<JsonNode> children = pageChildren.get(blockId);
        if (children == null) {
            error(exchange, 404, "object_not_found", "Could not find block with ID: " + blockId
                    + ". Make sure the relevant pages and databases are shared with your integration.");
            return;
        }
        ArrayNode results = JSON.createArrayNode();
        for (JsonNode child : request.path("children")) {
            children.add(child);
            results.add(created(child, blockId));
        }
        ObjectNode list = list(results, null);
        list.put("type", "block");
        list.putObject("block");
        reply(exchange, 200, list);
    }

    private void listChildren(HttpExchange exchange, String blockId, Map<String, String> query) throws IOException {
        List<JsonNode> children = pageChildren.get(blockId);
        if (children == null) {
            error(exchange, 404, "object_not_found", "Could not find block with ID: " + blockId + ".");
            return;
        }
        List<JsonNode> created = children.stream().map(child -> created(child, blockId)).toList();
        replyPaged(exchange, created, query.get("start_cursor"), Integer.parseInt(query.getOrDefault("page_size", "100")));
    }

    private void search(HttpExchange exchange, JsonNode request) throws IOException {
        replyPaged(exchange, searchablePages, request.path("start_cursor").asString(null),
                request.path("page_size").asInt(100));
    }

    private void replyPaged(HttpExchange exchange, List<JsonNode> all, String cursor, int pageSize) throws IOException {
        int from = cursor == null ? 0 : Integer.parseInt(cursor.substring("cursor-".length()));
        int to = Math.min(all.size(), from + pageSize);
        ArrayNode results = JSON.createArrayNode();
        all.subList(from, to).forEach(results::add);
        reply(exchange, 200, list(results, to < all.size() ? "cursor-" + to : null));
    }

    private static ObjectNode list(ArrayNode results, String nextCursor) {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        list.set("results", results);
        list.put("next_cursor", nextCursor);
        list.put("has_more", nextCursor != null);
        list.put("request_id", UUID.randomUUID().toString());
        return list;
    }

    /** The block as Notion returns it once created. */
    private static JsonNode created(JsonNode child, String parentId) {
        ObjectNode block = JSON.createObjectNode();
        block.put("object", "block");
        block.put("id", child.has("id") ? child.path("id").asString()
                : UUID.nameUUIDFromBytes(child.toString().getBytes(StandardCharsets.UTF_8)).toString());
        block.putObject("parent").put("type", "page_id").put("page_id", parentId);
        block.put("has_children", child.path(child.path("type").asString()).has("children"));
        block.put("in_trash", false);
        block.put("type", child.path("type").asString());
        block.set(child.path("type").asString(), child.path(child.path("type").asString()));
        return block;
    }

    private static JsonNode page(String id, String parentId, String title) {
        String slug = title.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return JSON.readTree("""
                {"object":"page","id":"%s","created_time":"2026-11-25T10:15:00.000Z",
                 "last_edited_time":"2026-11-25T10:15:00.000Z",
                 "created_by":{"object":"user","id":"%s"},"last_edited_by":{"object":"user","id":"%s"},
                 "cover":null,"icon":null,"parent":{"type":"page_id","page_id":"%s"},
                 "archived":false,"in_trash":false,
                 "properties":{"title":{"id":"title","type":"title","title":[{"type":"text",
                   "text":{"content":%s,"link":null},"annotations":{"bold":false,"italic":false,"strikethrough":false,
                   "underline":false,"code":false,"color":"default"},"plain_text":%s,"href":null}]}},
                 "url":"https://www.notion.so/%s-%s","public_url":null,"request_id":"%s"}"""
                .formatted(id, BOT_ID, BOT_ID, parentId, JSON.writeValueAsString(title), JSON.writeValueAsString(title),
                        slug, id.replace("-", ""), UUID.randomUUID()));
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("object", "error");
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        error.put("request_id", UUID.randomUUID().toString());
        reply(exchange, status, JSON.valueToTree(error));
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
