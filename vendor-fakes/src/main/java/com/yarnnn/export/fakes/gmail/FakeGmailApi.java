package com.yarnnn.export.fakes.gmail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Gmail REST API on 127.0.0.1, speaking its wire format: {@code messages/send} answers
 * {@code {id, threadId, labelIds}}, {@code profile} answers the account, errors are Google's error bodies. It
 * records every request so tests can assert exactly what was sent.
 */
public final class FakeGmailApi implements AutoCloseable {

    public static final String SEND_PATH = "/gmail/v1/users/me/messages/send";
    public static final String PROFILE_PATH = "/gmail/v1/users/me/profile";
    public static final String ACCOUNT = "sender@example.com";

    /** A request as it arrived; header names are lower-case. */
    public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer to a request instead of the default success. */
    public record Reply(int status, String body, Map<String, String> headers) {
    }

    static {
        // answer without Nagle's delay (the JDK server writes headers and body apart): Google's servers do not add 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> nextReplies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();

    private FakeGmailApi(HttpServer server) {
        this.server = server;
    }

    public static FakeGmailApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeGmailApi fake = new FakeGmailApi(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Google's error body, as the Gmail API sends it. */
    public static String googleError(int code, String reason, String message, String status) {
        return """
                {"error": {"code": %d, "message": "%s", "errors": [{"message": "%s", "domain": "global", "reason": "%s"}], "status": "%s"}}
                """.formatted(code, message, message, reason, status);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
        nextReplies.clear();
    }

    /** The next request is answered with this instead of the default. */
    public void replyNext(int status, String body, Map<String, String> headers) {
        nextReplies.add(new Reply(status, body, headers));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, headers, body));
            Reply reply = nextReplies.poll();
            if (reply == null) {
                reply = defaultReply(exchange.getRequestMethod(), path);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply defaultReply(String method, String path) {
        if ("POST".equals(method) && SEND_PATH.equals(path)) {
            int n = sent.incrementAndGet();
            return new Reply(200, """
                    {"id": "18c0ffee0000%04d", "threadId": "18c0ffee0000%04d", "labelIds": ["SENT"]}
                    """.formatted(n, n).strip(), Map.of());
        }
        if ("GET".equals(method) && PROFILE_PATH.equals(path)) {
            return new Reply(200, """
                    {"emailAddress": "%s", "messagesTotal": 42, "threadsTotal": 40, "historyId": "1234"}
                    """.formatted(ACCOUNT).strip(), Map.of());
        }
        return new Reply(404, googleError(404, "notFound", "Requested entity was not found.", "NOT_FOUND"), Map.of());
    }
}
