package com.yarnnn.export.connector.mcp.remote;

import com.yarnnn.export.connector.credential.Secret;
import io.modelcontextprotocol.client.transport.HttpRequestSnapshot;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import java.net.http.HttpResponse;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The SDK's hook for a refused request (2.1.0 calls it on 401 and 403 of any POST, GET or DELETE, and on
 * {@code true} sends the request again, through the request customizer, so with the renewed token). A 401 renews the
 * token once per call (or for the SDK's own handshake after a dropped session, which belongs to no call); not for the
 * DELETE that ends an idle client's session, which is not worth a refresh. A 403 is passed on: a new token carries
 * the same permissions.
 */
final class RefreshOnUnauthorized implements McpHttpClientTransportAuthorizationErrorHandler {

    private static final String BEARER = "Bearer ";

    private final ConnectionTokens tokens;

    RefreshOnUnauthorized(ConnectionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Boolean> handle(HttpRequestSnapshot request, HttpResponse.ResponseInfo answer,
            McpTransportContext context) {
        if (answer.statusCode() != 401 || "DELETE".equals(request.method())
                || !CallTrace.of(context).map(CallTrace::firstRefresh).orElse(true)) {
            return Mono.just(false);
        }
        Secret rejected = request.headers().firstValue("Authorization")
                .filter(value -> value.startsWith(BEARER))
                .map(value -> Secret.of(value.substring(BEARER.length())))
                .orElseGet(tokens::current);
        // the source may call the vendor's token endpoint: not on the HTTP client's threads
        return Mono.fromCallable(() -> tokens.refreshAfter(rejected) != null).subscribeOn(Schedulers.boundedElastic());
    }

    /** One resend per refused request. */
    @Override
    public int maxRetries() {
        return 1;
    }
}
