package com.yarnnn.export.fakes.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's OAuth endpoints on 127.0.0.1: each path answers as the test scripts it, and every request is
 * recorded whole (method, path, headers, body) so tests assert exactly what was sent.
 */
public final class FakeOAuthServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, String rawQuery) {

        /** The exchange's request, its body read. */
        static Request read(HttpExchange exchange) throws IOException {
            return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestURI().getRawQuery());
        }

        /** The query string's parameters, decoded. */
        public Map<String, String> query() {
            return pairs(rawQuery);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }

        /** The body as a form ({@code application/x-www-form-urlencoded}). */
        public Map<String, String> form() {
            return pairs(body);
        }

        private static Map<String, String> pairs(String encoded) {
            Map<String, String> pairs = new LinkedHashMap<>();
            if (encoded != null && !encoded.isEmpty()) {
                for (String pair : encoded.split("&")) {
                    String[] nameAndValue = pair.split("=", 2);
                    pairs.put(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
                }
            }
            return pairs;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** {@code client id:client secret} of an HTTP Basic authorization header, null without one. */
        public String basicCredentials() {
            String authorization = header("Authorization");
            if (authorization == null || !authorization.startsWith("Basic ")) {
                return null;
            }
            return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }

    /** What a path answers; {@code location} is sent as the {@code Location} header when not null. */
    public record Response(int status, String contentType, String body, String location) {

        public Response(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        /** A 302 to {@code location}, as an authorization endpoint sends the browser back. */
        public static Response redirect(String location) {
            return new Response(302, "text/plain; charset=utf-8", "", location);
        }

        public static Response json(int status, String body) {
            return new Response(status, "application/json; charset=utf-8", body);
        }

        public static Response json(String body) {
            return json(200, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Function<Request, Response>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeOAuthServer() {
        this.server = startOnLoopback(this::handle, executor);
    }

    public static FakeOAuthServer start() {
        return new FakeOAuthServer();
    }

    /** An HTTP server on a free loopback port that answers every path with {@code handler}. */
    static HttpServer startOnLoopback(HttpHandler handler, Executor executor) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Scripts what {@code path} answers from now on. */
    public void answer(String path, Function<Request, Response> answer) {
        answers.put(path, answer);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the recorded requests and the scripted answers. */
    public void reset() {
        requests.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = Request.read(exchange);
            requests.add(request);
            Function<Request, Response> answer = answers.get(request.path());
            Response response = answer != null ? answer.apply(request)
                    : Response.json(404, "{\"error\":\"no answer scripted for " + request.path() + "\"}");
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
