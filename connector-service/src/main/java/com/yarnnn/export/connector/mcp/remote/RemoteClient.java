package com.yarnnn.export.connector.mcp.remote;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The MCP client of one connection on one hosted server. It initialises on its first call; the server's session id
 * is kept by the SDK, which starts a new session when the server drops it. Every request carries the connection's
 * current token.
 */
final class RemoteClient {

    private static final McpSchema.Implementation CLIENT_INFO =
            McpSchema.Implementation.builder("yarnnn-export-pipeline", "1").build();
    private static final StandaloneStreamDeclined NO_STANDALONE_STREAM = new StandaloneStreamDeclined();

    private final RemoteServer server;
    private final ConnectionTokens tokens;
    private final McpAsyncClient mcp;
    private final Mono<Void> closing;

    RemoteClient(RemoteServer server, TokenSource source, TracedHttpClient http) {
        this.server = server;
        this.tokens = new ConnectionTokens(server, source);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.origin())
                .endpoint(server.endpoint())
                .clientBuilder(new SharedClientBuilder(http))
                .requestBuilder(HttpRequest.newBuilder().timeout(server.requestTimeout()))
                // no resuming a broken answer stream over GET, which is not opened (see authorize)
                .resumableStreams(false)
                .asyncHttpRequestCustomizer(this::authorize)
                .authorizationErrorHandler(new RefreshOnUnauthorized(tokens))
                .build();
        this.mcp = McpClient.async(transport)
                .clientInfo(CLIENT_INFO)
                .requestTimeout(server.requestTimeout())
                .initializationTimeout(server.requestTimeout())
                .build();
        this.closing = mcp.closeGracefully().timeout(server.requestTimeout()).onErrorResume(e -> Mono.empty())
                .doFinally(signal -> mcp.close()).cache();
    }

    ConnectionTokens tokens() {
        return tokens;
    }

    /** Calls the tool; the handshake first if this client has no session yet. */
    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments, CallTrace trace) {
        McpSchema.CallToolRequest request = McpSchema.CallToolRequest.builder(tool).arguments(arguments).build();
        return mcp.callTool(request)
                .contextWrite(Context.of(McpTransportContext.KEY, trace.asContext()))
                // the SDK bounds the handshake and the call each; this only keeps a caller from waiting for ever
                .timeout(server.requestTimeout().multipliedBy(2).plus(Duration.ofSeconds(1)))
                .block();
    }

    /** Ends the MCP session at the server (DELETE) once, however often it is asked to. */
    Mono<Void> close() {
        return closing;
    }

    /**
     * Puts the token on each request. Declines the standalone GET stream the SDK opens after the handshake: it only
     * carries the server's own messages (no tool answer), and would hold a socket per idle connection.
     */
    private Publisher<HttpRequest.Builder> authorize(HttpRequest.Builder request, String method, URI uri, String body,
            McpTransportContext context) {
        if ("GET".equals(method)) {
            return Mono.error(NO_STANDALONE_STREAM);
        }
        request.setHeader("Authorization", "Bearer " + tokens.current().reveal());
        CallTrace.of(context).ifPresent(trace -> request.setHeader(TracedHttpClient.TRACE_HEADER, trace.id()));
        return Mono.just(request);
    }

    /** Ends the SDK's attempt at the standalone stream, which it logs at DEBUG: one instance, no stack trace. */
    private static final class StandaloneStreamDeclined extends RuntimeException {

        StandaloneStreamDeclined() {
            super("remote MCP clients open no standalone SSE stream", null, false, false);
        }
    }
}
