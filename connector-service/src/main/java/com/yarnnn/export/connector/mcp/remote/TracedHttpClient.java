package com.yarnnn.export.connector.mcp.remote;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The one {@link HttpClient} every remote MCP client sends through (a JDK client has its own selector thread: one per
 * connection would be a thread per connection), which also shows each call's {@link CallTrace} what the server
 * answered. The SDK (2.1.0) turns an error status into an {@code McpTransportException} whose message keeps the status
 * but no header, so a 429's {@code Retry-After} would be lost; this client reads the status line and headers of each
 * answer before the SDK does. A request names its call in {@link #TRACE_HEADER}, which the request customizer adds and
 * this client removes before sending.
 */
final class TracedHttpClient extends HttpClient {

    static final String TRACE_HEADER = "X-Yarnnn-Call-Trace";

    private final HttpClient delegate;
    private final ExecutorService executor;
    private final Map<String, CallTrace> open = new ConcurrentHashMap<>();

    private TracedHttpClient(HttpClient delegate, ExecutorService executor) {
        this.delegate = delegate;
        this.executor = executor;
    }

    /** A client on {@code threads} daemon threads (the JDK's default is an unbounded pool). */
    static TracedHttpClient create(Duration connectTimeout, int threads) {
        ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
        HttpClient client = HttpClient.newBuilder().version(Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(Redirect.NEVER).executor(executor).build();
        return new TracedHttpClient(client, executor);
    }

    /** Answers to requests of this call are shown to it until {@link #close(CallTrace)}. */
    void open(CallTrace trace) {
        open.put(trace.id(), trace);
    }

    void close(CallTrace trace) {
        open.remove(trace.id());
    }

    /** Stops the threads; the JDK client itself goes once unreachable. */
    void shutdown() {
        executor.shutdownNow();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Optional<CallTrace> trace = traceOf(request);
        return delegate.sendAsync(untraced(request), observed(request, handler, trace));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        Optional<CallTrace> trace = traceOf(request);
        return delegate.sendAsync(untraced(request), observed(request, handler, trace), pushPromiseHandler);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        Optional<CallTrace> trace = traceOf(request);
        return delegate.send(untraced(request), observed(request, handler, trace));
    }

    private Optional<CallTrace> traceOf(HttpRequest request) {
        return request.headers().firstValue(TRACE_HEADER).map(open::get);
    }

    private static HttpRequest untraced(HttpRequest request) {
        return request.headers().firstValue(TRACE_HEADER).isEmpty() ? request
                : HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(TRACE_HEADER)).build();
    }

    private static <T> HttpResponse.BodyHandler<T> observed(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            Optional<CallTrace> trace) {
        return trace.<HttpResponse.BodyHandler<T>>map(call -> answer -> {
            call.answered(request, answer);
            return handler.apply(answer);
        }).orElse(handler);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "remote-mcp-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
