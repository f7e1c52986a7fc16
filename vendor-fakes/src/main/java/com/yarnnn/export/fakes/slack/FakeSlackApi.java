package com.yarnnn.export.fakes.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * wire format, including its {@code invalid_auth} for a wrong bot token. Serves one or more workspaces, each known
 * by its bot token, with channels and messages of their own. Records every request so tests can assert exactly what
 * was sent; scripted answers replace the next response of a method, and a fault window answers every call of some
 * workspaces (or all) with a rate limit or an outage for a while, counting what each workspace's calls got.
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

    /** What a fault window answers to every call it covers. */
    public enum Fault {
        /**
         * HTTP 429 with {@code Retry-After} and Slack's body {@code {"ok":false,"error":"ratelimited"}}, as the Web
         * API answers a workspace over its limits.
         */
        RATE_LIMITED,
        /** HTTP 503 with an HTML page, as Slack's edge answers while Slack is down. */
        UNAVAILABLE
    }

    /**
     * Calls carrying one of {@code tokens} (every workspace's when empty) that arrive from {@code start} until
     * {@code end} get the fault's answer; {@code retryAfter} is the rate limit's {@code Retry-After}.
     */
    public record FaultWindow(Fault fault, Set<String> tokens, Instant start, Instant end, Duration retryAfter) {

        public boolean covers(String token, Instant at) {
            return (tokens.isEmpty() || tokens.contains(token)) && !at.isBefore(start) && at.isBefore(end);
        }
    }

    /**
     * One call as it was answered: the bot token it carried (null without one), the Web API method, when it
     * arrived, and the HTTP status of its answer.
     */
    public record Call(String token, String apiMethod, Instant at, int status) {
    }

    /** A message posted in a workspace's channel; {@code threadTs} is null for a top-level message. */
    public record Post(String channel, String ts, String threadTs, String text, Instant at) {
    }

    /** One workspace's messages, by channel. */
    private static final class Workspace {

        final Map<String, List<Post>> posted = new ConcurrentHashMap<>();

        List<Post> in(String channel) {
            return posted.getOrDefault(channel, List.of());
        }
    }

    private static final String OUTAGE_PAGE = "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>"
            + "<body><h1>Service Unavailable</h1><p>Slack is temporarily unavailable.</p></body></html>\n";

    static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK server writes headers and body separately; with Nagle on, each answer waits ~40 ms for an ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    /** The workspaces, by bot token. */
    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final List<FaultWindow> faults = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong nextTs = new AtomicLong(1_764_064_800_000_100L);
    private volatile List<ObjectNode> channels = List.of();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

    /** One workspace, whose bot token is {@code token}. */
    public FakeSlackApi(String token) throws IOException {
        this(List.of(token));
    }

    /** One workspace per bot token; each sees only its own messages. */
    public FakeSlackApi(Collection<String> tokens) throws IOException {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("A fake Slack needs at least one workspace's bot token");
        }
        tokens.forEach(token -> workspaces.put(token, new Workspace()));
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

    /**
     * From now for {@code length}, every call of the workspace whose bot token is {@code token} is answered HTTP 429
     * with {@code Retry-After: <retryAfter in seconds>} and {@code {"ok":false,"error":"ratelimited"}}.
     */
    public FaultWindow rateLimit(String token, Duration length, Duration retryAfter) {
        return fault(new FaultWindow(Fault.RATE_LIMITED, Set.of(workspace(token)), Instant.now(),
                Instant.now().plus(length), retryAfter));
    }

    /** From now for {@code length}, every call of the workspace whose bot token is {@code token} is answered 503. */
    public FaultWindow outage(String token, Duration length) {
        return fault(new FaultWindow(Fault.UNAVAILABLE, Set.of(workspace(token)), Instant.now(),
                Instant.now().plus(length), null));
    }

    /** From now for {@code length}, every call of every workspace (or none) is answered HTTP 503 with an HTML page. */
    public FaultWindow outage(Duration length) {
        return fault(new FaultWindow(Fault.UNAVAILABLE, Set.of(), Instant.now(), Instant.now().plus(length), null));
    }

    private FaultWindow fault(FaultWindow window) {
        faults.add(window);
        return window;
    }

    private String workspace(String token) {
        if (!workspaces.containsKey(token)) {
            throw new IllegalArgumentException("No workspace has this bot token");
        }
        return token;
    }

    /** Every call answered so far, in the order they arrived. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that carried {@code token}, in the order they arrived. */
    public List<Call> calls(String token) {
        return calls.stream().filter(call -> token.equals(call.token())).toList();
    }

    /** The messages posted in a workspace (parents and replies), channel by channel, each channel's in order. */
    public List<Post> posts(String token) {
        return workspaces.get(workspace(token)).posted.values().stream().flatMap(List::stream).toList();
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

    /** When each message of the channel (in any workspace) arrived, in order. */
    public List<Instant> postTimesIn(String channel) {
        return workspaces.values().stream().flatMap(workspace -> workspace.in(channel).stream()).map(Post::at)
                .sorted().toList();
    }

    /** How many messages (parents and replies) are in the channel, in any workspace. */
    public int messagesIn(String channel) {
        return workspaces.values().stream().mapToInt(workspace -> workspace.in(channel).size()).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body.isEmpty() ? null : JSON.readTree(body));
        requests.add(request);
        Instant arrived = Instant.now();
        String token = request.authorization() != null && request.authorization().startsWith("Bearer ")
                ? request.authorization().substring("Bearer ".length()) : null;
        Deque<Scripted> next = scripted.get(request.apiMethod());
        Scripted answer = next != null ? next.poll() : null;
        FaultWindow fault = faults.stream().filter(window -> window.covers(token, arrived)).findFirst().orElse(null);
        Workspace workspace = token != null ? workspaces.get(token) : null;
        int status = 200;
        if (answer != null) {
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            status = answer.status();
            respond(exchange, status, answer.body());
        } else if (fault != null && fault.fault() == Fault.RATE_LIMITED) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfter().toSeconds()));
            status = 429;
            respond(exchange, status, "{\"ok\":false,\"error\":\"ratelimited\"}");
        } else if (fault != null) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            status = 503;
            respond(exchange, status, OUTAGE_PAGE);
        } else if (workspace == null) {
            respond(exchange, status, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        } else {
            String reply = JSON.writeValueAsString(switch (request.apiMethod()) {
                case "chat.postMessage" -> postMessage(workspace, request.body());
                case "conversations.list" -> conversationsList(request.query());
                case "conversations.history" -> history(workspace, request.query());
                case "conversations.replies" -> replies(workspace, request.query());
                default -> JSON.createObjectNode().put("ok", false).put("error", "unknown_method");
            });
            CountDownLatch release = held.remove(request.apiMethod());
            if (release != null) {
                awaitRelease(release);
            }
            respond(exchange, status, reply);
        }
        calls.add(new Call(token, request.apiMethod(), arrived, status));
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Messages posted so far, top-level ones newest first, as {@code conversations.history} answers. */
    private ObjectNode history(Workspace workspace, Map<String, String> query) {
        ArrayNode messages = JSON.createArrayNode();
        List<Post> inChannel = workspace.in(query.get("channel"));
        for (int i = inChannel.size() - 1; i >= 0 && messages.size() < Integer.parseInt(query.getOrDefault("limit", "100")); i--) {
            if (inChannel.get(i).threadTs() == null) {
                messages.add(message(inChannel.get(i)));
            }
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("has_more", false);
        response.set("messages", messages);
        return response;
    }

    /** A thread: its parent, then its replies in order, as {@code conversations.replies} answers. */
    private ObjectNode replies(Workspace workspace, Map<String, String> query) {
        String ts = query.get("ts");
        ArrayNode messages = JSON.createArrayNode();
        for (Post post : workspace.in(query.get("channel"))) {
            if (post.ts().equals(ts) || ts.equals(post.threadTs())) {
                messages.add(message(post));
            }
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("has_more", false);
        response.set("messages", messages);
        return response;
    }

    private ObjectNode postMessage(Workspace workspace, JsonNode body) {
        long ts = nextTs.getAndIncrement();
        String tsText = (ts / 1_000_000) + "." + "%06d".formatted(ts % 1_000_000);
        String channel = body.path("channel").asString();
        String threadTs = body.has("thread_ts") ? body.path("thread_ts").asString() : null;
        List<Post> inChannel = workspace.posted.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>());
        Post post;
        // concurrent posts: read the clock and append as one step, so the times stay in order
        synchronized (inChannel) {
            post = new Post(channel, tsText, threadTs, body.path("text").asString(), Instant.now());
            inChannel.add(post);
        }
        ObjectNode response = JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", tsText);
        response.set("message", message(post));
        response.put("warning", "missing_charset");
        response.putObject("response_metadata").putArray("warnings").add("missing_charset");
        return response;
    }

    /** A posted message as the Web API shows it. */
    private static ObjectNode message(Post post) {
        ObjectNode message = JSON.createObjectNode()
                .put("user", "U0FAKEBOT").put("type", "message").put("ts", post.ts()).put("bot_id", "B0FAKEBOT")
                .put("app_id", "A0FAKEAPP").put("text", post.text()).put("team", "T0FAKETEAM");
        message.putObject("bot_profile").put("id", "B0FAKEBOT").put("name", "YARNNN").put("deleted", false);
        if (post.threadTs() != null) {
            message.put("thread_ts", post.threadTs()).put("parent_user_id", "U0FAKEBOT");
        }
        return message;
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
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
