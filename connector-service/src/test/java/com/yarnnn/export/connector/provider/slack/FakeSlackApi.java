package com.yarnnn.export.connector.provider.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Slack Web API ({@code /api/chat.postMessage}, {@code /api/conversations.list}) answering in Slack's
 * wire format, including its {@code invalid_auth} for a wrong bot token. Records every request so tests can
 * assert exactly what was sent; scripted answers replace the next response of a method.
 */
public final class FakeSlackApi implements AutoCloseable {

    public record Request(String method, String path, Map<String, String> query, String authorization, String contentType,
            JsonNode body) {

        public String apiMethod() {
            return path.substring("/api/".length());
        }
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK server writes headers and body separately; with Nagle on, each answer waits ~40 ms for an ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong nextTs = new AtomicLong(1_764_064_800_000_100L);
    private volatile List<ObjectNode> channels = List.of();
    private final Map<String, List<ObjectNode>> posted = new ConcurrentHashMap<>();
    private final Map<String, List<Instant>> postedAt = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    public FakeSlackApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** What {@code SLACK_API_BASE_URL} points the server at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** The next call of {@code apiMethod} gets this answer instead of the normal one. */
    public void answerNext(String apiMethod, int status, Map<String, String> headers, String body) {
        scripted.computeIfAbsent(apiMethod, m -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
    }

    public void answerNextWithError(String apiMethod, String error) {
        answerNext(apiMethod, 200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    /** Public channels named {@code <prefix>-0001} … in the workspace. */
    public void channels(int count, String prefix) {
        List<ObjectNode> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(channel("C%010d".formatted(i), "%s-%04d".formatted(prefix, i)));
        }
        channels = list;
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }

    /**
     * The next call of {@code apiMethod} is carried out (a message is posted) but its answer is held until the
     * returned latch is released: a caller that gives up meanwhile does not know the message is there.
     */
    public CountDownLatch holdNextAnswer(String apiMethod) {
        CountDownLatch release = new CountDownLatch(1);
        held.put(apiMethod, release);
        return release;
    }

    /** When each message of the channel arrived, in order. */
    public List<Instant> postTimesIn(String channel) {
        return List.copyOf(postedAt.getOrDefault(channel, List.of()));
    }

    /** How many messages (parents and replies) are in the channel. */
    public int messagesIn(String channel) {
        return posted.getOrDefault(channel, List.of()).size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.isEmpty() ? null : JSON.readTree(body));
        requests.add(request);
        Deque<Scripted> next = scripted.get(request.apiMethod());
        Scripted answer = next != null ? next.poll() : null;
        if (answer != null) {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            respond(exchange, answer.status(), answer.body());
        } else if (!("Bearer " + token).equals(request.authorization())) {
            respond(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        } else {
            String reply = JSON.writeValueAsString(switch (request.apiMethod()) {
                case "chat.postMessage" -> postMessage(request.body());
                case "conversations.list" -> conversationsList(request.query());
                case "conversations.history" -> history(request.query());
                case "conversations.replies" -> replies(request.query());
                default -> JSON.createObjectNode().put("ok", false).put("error", "unknown_method");
            });
            CountDownLatch release = held.remove(request.apiMethod());
            if (release != null) {
                awaitRelease(release);
            }
            respond(exchange, 200, reply);
        }
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Messages posted so far, top-level ones newest first, as {@code conversations.history} answers. */
    private ObjectNode history(Map<String, String> query) {
        ArrayNode messages = JSON.createArrayNode();
        List<ObjectNode> inChannel = posted.getOrDefault(query.get("channel"), List.of());
        for (int i = inChannel.size() - 1; i >= 0 && messages.size() < Integer.parseInt(query.getOrDefault("limit", "100")); i--) {
            if (!inChannel.get(i).has("thread_ts")) {
                messages.add(inChannel.get(i));
            }
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("has_more", false);
        response.set("messages", messages);
        return response;
    }

    /** A thread: its parent, then its replies in order, as {@code conversations.replies} answers. */
    private ObjectNode replies(Map<String, String> query) {
        String ts = query.get("ts");
        ArrayNode messages = JSON.createArrayNode();
        for (ObjectNode message : posted.getOrDefault(query.get("channel"), List.of())) {
            if (message.path("ts").asString().equals(ts) || message.path("thread_ts").asString().equals(ts)) {
                messages.add(message);
            }
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("has_more", false);
        response.set("messages", messages);
        return response;
    }

    private ObjectNode postMessage(JsonNode body) {
        long ts = nextTs.getAndIncrement();
        String tsText = (ts / 1_000_000) + "." + "%06d".formatted(ts % 1_000_000);
        ObjectNode message = JSON.createObjectNode()
                .put("user", "U0FAKEBOT").put("type", "message").put("ts", tsText).put("bot_id", "B0FAKEBOT")
                .put("app_id", "A0FAKEAPP").put("text", body.path("text").asString()).put("team", "T0FAKETEAM");
        message.putObject("bot_profile").put("id", "B0FAKEBOT").put("name", "YARNNN").put("deleted", false);
        if (body.has("thread_ts")) {
            message.put("thread_ts", body.path("thread_ts").asString()).put("parent_user_id", "U0FAKEBOT");
        }
        posted.computeIfAbsent(body.path("channel").asString(), channel -> new CopyOnWriteArrayList<>()).add(message);
        List<Instant> times = postedAt.computeIfAbsent(body.path("channel").asString(),
                channel -> new CopyOnWriteArrayList<>());
        // concurrent posts: read the clock and append as one step, so the times stay in order
        synchronized (times) {
            times.add(Instant.now());
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true)
                .put("channel", body.path("channel").asString()).put("ts", tsText);
        response.set("message", message);
        response.put("warning", "missing_charset");
        response.putObject("response_metadata").putArray("warnings").add("missing_charset");
        return response;
    }

    private ObjectNode conversationsList(Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int start = query.containsKey("cursor") ? Integer.parseInt(new String(
                Base64.getDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8).substring(5)) : 0;
        List<ObjectNode> all = channels;
        int end = Math.min(all.size(), start + limit);
        ObjectNode response = JSON.createObjectNode().put("ok", true);
        ArrayNode page = response.putArray("channels");
        all.subList(start, end).forEach(page::add);
        String nextCursor = end < all.size() ? Base64.getEncoder()
                .encodeToString(("next:" + end).getBytes(StandardCharsets.UTF_8)) : "";
        response.putObject("response_metadata").put("next_cursor", nextCursor);
        return response;
    }

    private static ObjectNode channel(String id, String name) {
        ObjectNode channel = JSON.createObjectNode().put("id", id).put("name", name).put("is_channel", true)
                .put("is_group", false).put("is_im", false).put("is_mpim", false).put("is_private", false)
                .put("created", 1_700_000_000).put("is_archived", false).put("is_general", false).put("unlinked", 0)
                .put("name_normalized", name).put("is_shared", false).put("is_org_shared", false)
                .put("is_pending_ext_shared", false).put("is_ext_shared", false).put("is_member", true)
                .put("creator", "U0CREATOR").put("updated", 1_700_000_000_000L).put("num_members", 4);
        channel.putArray("pending_shared");
        channel.putArray("previous_names");
        channel.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
        channel.putObject("purpose").put("value", "About " + name).put("creator", "").put("last_set", 0);
        return channel;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
