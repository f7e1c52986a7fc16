package com.yarnnn.export.connector.mcp.remote;

import io.modelcontextprotocol.common.McpTransportContext;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happened on the wire during one tool call: the last error status the server answered (with its
 * {@code Retry-After}), whether the server dropped the call's session, and whether the call already refreshed its
 * token. It travels with the call in the SDK's transport context, so that the request customizer and the 401 handler
 * see the call they serve.
 */
final class CallTrace {

    private static final String CONTEXT_KEY = CallTrace.class.getName();
    private static final AtomicLong IDS = new AtomicLong();

    /** An answer with an error status. */
    record Rejection(int status, Optional<String> retryAfter) {
    }

    private final String id = Long.toString(IDS.incrementAndGet());
    private final AtomicReference<Rejection> lastRejection = new AtomicReference<>();
    private final AtomicBoolean refreshed = new AtomicBoolean();
    private volatile boolean sessionDropped;

    /** The call's trace, if the request belongs to a call (the SDK's own re-initialisation does not). */
    static Optional<CallTrace> of(McpTransportContext context) {
        return context.get(CONTEXT_KEY) instanceof CallTrace trace ? Optional.of(trace) : Optional.empty();
    }

    McpTransportContext asContext() {
        return McpTransportContext.create(Map.of(CONTEXT_KEY, this));
    }

    String id() {
        return id;
    }

    void answered(HttpRequest request, HttpResponse.ResponseInfo answer) {
        int status = answer.statusCode();
        if (status >= 400) {
            lastRejection.set(new Rejection(status, answer.headers().firstValue("Retry-After")));
        }
        // what the SDK (2.1.0) takes for an unknown session; it then closes the session, failing the call with a
        // bare "MCP session with server terminated", and starts a new one
        if ((status == 404 || status == 400) && request.headers().firstValue("Mcp-Session-Id").isPresent()) {
            sessionDropped = true;
        }
    }

    /** The server answered a request of this call as one of a session it no longer knows: the call did not run. */
    boolean sessionDropped() {
        return sessionDropped;
    }

    Optional<Rejection> lastRejection() {
        return Optional.ofNullable(lastRejection.get());
    }

    /** True the first time only: a call refreshes its token at most once. */
    boolean firstRefresh() {
        return refreshed.compareAndSet(false, true);
    }
}
