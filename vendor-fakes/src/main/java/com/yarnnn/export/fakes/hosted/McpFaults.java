package com.yarnnn.export.fakes.hosted;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The faults a hosted MCP double injects at the HTTP layer, after the bearer check and before the MCP layer, as a
 * hosted server or its edge would: the next N matching requests answer HTTP 401, 429 with {@code Retry-After}, 503 or
 * another status, or hang for a while before they are served; every session known so far can be dropped (its
 * {@code Mcp-Session-Id} then answers 404, as the Streamable HTTP transport specifies for an expired session); and a
 * latency is added to every tool call.
 *
 * <p>A rule counts only the requests it matches: JSON-RPC requests (they have an {@code id}: {@code initialize},
 * {@code tools/list}, {@code tools/call}, {@code ping}), never notifications, the GET stream or the DELETE of a
 * session. Rules apply in the order they were added; a request takes one fault at most. Thread-safe.
 */
public final class McpFaults {

    /** What a fault answers. */
    public enum Kind {
        /** HTTP 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}: the token expired or was revoked. */
        UNAUTHORIZED,
        /** HTTP 429 with {@code Retry-After: <seconds>}. */
        RATE_LIMITED,
        /** HTTP 503 with {@code Retry-After: 1}. */
        UNAVAILABLE,
        /** Another HTTP status (e.g. 500, 502), with an empty JSON body. */
        STATUS,
        /** No answer for a while; then the request is served as usual (the tool runs even if the client gave up). */
        HANG
    }

    /** A fault taken by one request. */
    record Fault(Kind kind, int status, Duration duration) {
    }

    /** The JSON-RPC message a POST carries, as far as the rules need it. */
    record Rpc(String method, boolean request, String tool) {

        static final Rpc NONE = new Rpc(null, false, null);

        boolean toolCall() {
            return "tools/call".equals(method);
        }
    }

    private final class Rule {

        final String method;
        final String tool;
        final Fault fault;
        int remaining;

        Rule(String method, String tool, int count, Fault fault) {
            this.method = method;
            this.tool = tool;
            this.remaining = count;
            this.fault = fault;
        }

        boolean matches(Rpc rpc) {
            return rpc.request() && (method == null || method.equals(rpc.method()))
                    && (tool == null || tool.equals(rpc.tool()));
        }
    }

    /** The requests a fault will be given to; its methods say what they get. */
    public final class Next {

        private final String method;
        private final String tool;
        private final int count;

        private Next(String method, String tool, int count) {
            if (count < 1) {
                throw new IllegalArgumentException("A fault covers at least one request");
            }
            this.method = method;
            this.tool = tool;
            this.count = count;
        }

        /** HTTP 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}, as for an expired token. */
        public void unauthorized() {
            add(new Fault(Kind.UNAUTHORIZED, 401, null));
        }

        /** HTTP 429 with {@code Retry-After} in whole seconds (at least 1). */
        public void rateLimited(Duration retryAfter) {
            add(new Fault(Kind.RATE_LIMITED, 429, retryAfter));
        }

        /** HTTP 503 with {@code Retry-After: 1}. */
        public void unavailable() {
            add(new Fault(Kind.UNAVAILABLE, 503, null));
        }

        /** Any other HTTP status, with an empty JSON object as body. */
        public void status(int httpStatus) {
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException("A fault answers an HTTP error status, not " + httpStatus);
            }
            add(new Fault(Kind.STATUS, httpStatus, null));
        }

        /**
         * Holds each request for {@code pause}, then serves it: a client that gave up in the meantime has its call
         * carried out all the same, as a slow vendor would.
         */
        public void hang(Duration pause) {
            add(new Fault(Kind.HANG, 0, pause));
        }

        private void add(Fault fault) {
            synchronized (rules) {
                rules.add(new Rule(method, tool, count, fault));
            }
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private final Collection<String> sessions;
    private volatile Duration latency = Duration.ZERO;

    McpFaults(Collection<String> sessions) {
        this.sessions = sessions;
    }

    /** The next {@code count} tool calls, of any tool. */
    public Next nextToolCalls(int count) {
        return new Next("tools/call", null, count);
    }

    /** The next {@code count} calls of the tool named {@code tool}. */
    public Next nextCallsOf(String tool, int count) {
        return new Next("tools/call", tool, count);
    }

    /** The next {@code count} JSON-RPC requests of any method, {@code initialize} and {@code tools/list} included. */
    public Next nextRequests(int count) {
        return new Next(null, null, count);
    }

    /**
     * Forgets every session started so far: each later request carrying one of their {@code Mcp-Session-Id}s is
     * answered 404, so a client has to initialize a new session. Sessions started afterwards are served.
     *
     * @return how many sessions were dropped
     */
    public int dropAllSessions() {
        List<String> now = List.copyOf(sessions);
        dropped.addAll(now);
        return now.size();
    }

    /** Added to every tool call before it is served (e.g. 30 ms, for the benchmark); zero by default. */
    public void latency(Duration perToolCall) {
        if (perToolCall.isNegative()) {
            throw new IllegalArgumentException("A latency cannot be negative");
        }
        this.latency = perToolCall;
    }

    public Duration latency() {
        return latency;
    }

    /** How many requests the rules added so far will still fault. */
    public int pending() {
        synchronized (rules) {
            return rules.stream().mapToInt(rule -> rule.remaining).sum();
        }
    }

    /** Removes the rules not used up and the latency; dropped sessions stay dropped. */
    public void clear() {
        synchronized (rules) {
            rules.clear();
        }
        latency = Duration.ZERO;
    }

    Optional<Fault> take(Rpc rpc) {
        synchronized (rules) {
            for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
                Rule rule = it.next();
                if (rule.matches(rpc)) {
                    if (--rule.remaining == 0) {
                        it.remove();
                    }
                    return Optional.of(rule.fault);
                }
            }
        }
        return Optional.empty();
    }

    boolean dropped(String sessionId) {
        return dropped.contains(sessionId);
    }
}
