package com.yarnnn.export.fakes.hosted;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of a hosted MCP double that is no vendor's: a real MCP server (the Java SDK's
 * {@code McpServer.sync(HttpServletStreamableServerTransportProvider)}) at {@code /mcp} on a free loopback port of an
 * embedded Tomcat, behind a filter that wants {@code Authorization: Bearer <token>} on every request and answers 401
 * with {@code WWW-Authenticate: Bearer} before the MCP layer otherwise, resolves the token to its tenant (handed to the
 * tools in the transport context), injects the {@link McpFaults}, answers 404 to dropped sessions, logs every request
 * and counts the tool calls that reached their tool.
 *
 * @param <T> what a token resolves to: the workspace, integration or user the vendor knows it as
 */
final class HostedMcpServer<T> implements AutoCloseable {

    /** A tool of the double: what it is, and what it answers a call with. */
    record Tool<T>(ToolDescriptor descriptor, Function<ToolCall<T>, McpSchema.CallToolResult> handler) {
    }

    static final String ENDPOINT = "/mcp";
    static final String RESOURCE_METADATA = "/.well-known/oauth-protected-resource";
    private static final String TENANT = "hosted-mcp.tenant";
    private static final String TOKEN = "hosted-mcp.token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Function<String, T> tenants;
    private final List<String> scopes;
    private volatile List<String> authorizationServers = List.of();
    private final Path baseDir;
    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final String base;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final McpFaults faults = new McpFaults(sessions);
    private final Queue<HostedMcpRequest> requests = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    /**
     * Starts the server. {@code tenants} resolves a bearer token to its tenant, or to null for a token the vendor
     * would refuse; {@code scopes} are advertised in the protected-resource metadata.
     */
    HostedMcpServer(String name, String version, List<Tool<T>> tools, Function<String, T> tenants,
            List<String> scopes) {
        this.tenants = tenants;
        this.scopes = List.copyOf(scopes);
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(request -> {
                    Map<String, Object> context = new HashMap<>();
                    if (request.getAttribute(TENANT) != null) {
                        context.put(TENANT, request.getAttribute(TENANT));
                        context.put(TOKEN, request.getAttribute(TOKEN));
                    }
                    return McpTransportContext.create(context);
                })
                .build();
        this.server = McpServer.sync(transport)
                .serverInfo(name, version)
                .jsonMapper(mapper)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.stream().map(this::specification).toList())
                .build();
        try {
            this.baseDir = Files.createTempDirectory("hosted-mcp-");
            this.tomcat = new Tomcat();
            tomcat.setBaseDir(baseDir.toString());
            Connector connector = new Connector("HTTP/1.1");
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            Context context = tomcat.addContext("", baseDir.toString());
            if (context instanceof StandardContext standard) {
                // leak detection meant for redeployed web applications; it only warns about missing --add-opens here
                standard.setClearReferencesRmiTargets(false);
                standard.setClearReferencesThreadLocals(false);
            }
            Wrapper mcp = Tomcat.addServlet(context, "mcp", transport);
            mcp.setAsyncSupported(true);
            context.addServletMappingDecoded(ENDPOINT, "mcp");
            Tomcat.addServlet(context, "resource-metadata", new ResourceMetadata());
            context.addServletMappingDecoded(RESOURCE_METADATA, "resource-metadata");
            context.addServletMappingDecoded(RESOURCE_METADATA + ENDPOINT, "resource-metadata");
            FilterDef gate = new FilterDef();
            gate.setFilterName("bearer-gate");
            gate.setFilter(new Gate());
            gate.setAsyncSupported("true");
            context.addFilterDef(gate);
            FilterMap gateMap = new FilterMap();
            gateMap.setFilterName("bearer-gate");
            gateMap.addServletName("mcp");
            context.addFilterMap(gateMap);
            tomcat.start();
            this.base = "http://127.0.0.1:" + connector.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException("The embedded Tomcat did not start", e);
        }
    }

    /** The MCP endpoint, {@code http://127.0.0.1:<port>/mcp}. */
    String url() {
        return base + ENDPOINT;
    }

    McpFaults faults() {
        return faults;
    }

    List<HostedMcpRequest> requests() {
        return List.copyOf(requests);
    }

    /** How many calls of {@code tool} reached the tool (whatever it answered); faulted requests never do. */
    int callCount(String tool) {
        AtomicInteger count = calls.get(tool);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> callCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        calls.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().get()));
        return counts;
    }

    /** How many sessions were initialized. */
    int sessionsStarted() {
        return sessions.size();
    }

    @Override
    public void close() {
        closing.countDown();
        try {
            server.closeGracefully();
        } finally {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                throw new IllegalStateException("The embedded Tomcat did not stop", e);
            } finally {
                deleteQuietly(baseDir);
            }
        }
    }

    private SyncToolSpecification specification(Tool<T> tool) {
        String name = tool.descriptor().tool().name();
        return SyncToolSpecification.builder().tool(tool.descriptor().tool()).callHandler((exchange, request) -> {
            calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            @SuppressWarnings("unchecked")
            T tenant = (T) exchange.transportContext().get(TENANT);
            try {
                return tool.handler().apply(new ToolCall<>(tenant, request.arguments()));
            } catch (ToolCall.Rejected rejected) {
                return ToolCall.error(rejected);
            }
        }).build();
    }

    /** Waits {@code pause}, or less if the server closes; true if it closed meanwhile. */
    private boolean pause(Duration pause) {
        if (pause == null || pause.isZero()) {
            return false;
        }
        try {
            return closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static McpFaults.Rpc rpc(byte[] body) {
        if (body.length == 0) {
            return McpFaults.Rpc.NONE;
        }
        try {
            JsonNode message = JSON.readTree(body);
            if (!message.isObject() || !message.hasNonNull("method")) {
                return McpFaults.Rpc.NONE;
            }
            String method = message.get("method").asString();
            JsonNode name = message.path("params").path("name");
            String tool = "tools/call".equals(method) && name.isString() ? name.asString() : null;
            return new McpFaults.Rpc(method, message.has("id"), tool);
        } catch (RuntimeException e) {
            return McpFaults.Rpc.NONE;
        }
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private void unauthorized(HttpServletResponse response, String error, String description) throws IOException {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"mcp\"");
        if (error != null) {
            challenge.append(", error=\"").append(error).append("\", error_description=\"").append(description)
                    .append('"');
        }
        challenge.append(", resource_metadata=\"").append(base).append(RESOURCE_METADATA).append('"');
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", challenge.toString());
        json(response, Map.of("error", error == null ? "unauthorized" : error, "error_description",
                description == null ? "A bearer token is required" : description));
    }

    private static void json(HttpServletResponse response, Object body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private static void plain(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers a fault; false if the request is to be served after all (a hang that ran out). */
    private boolean answer(McpFaults.Fault fault, HttpServletResponse response) throws IOException {
        switch (fault.kind()) {
            case UNAUTHORIZED -> unauthorized(response, "invalid_token", "The access token expired");
            case RATE_LIMITED -> {
                long seconds = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                plain(response, "Too Many Requests");
            }
            case UNAVAILABLE -> {
                response.setStatus(503);
                response.setHeader("Retry-After", "1");
                plain(response, "Service Unavailable");
            }
            case STATUS -> {
                response.setStatus(fault.status());
                json(response, Map.of());
            }
            case HANG -> {
                if (pause(fault.duration())) {
                    response.setStatus(503);
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    /** The bearer check, faults, dropped sessions, latency and the request log, in front of the MCP servlet. */
    private final class Gate extends HttpFilter {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            byte[] body = "POST".equals(request.getMethod()) ? request.getInputStream().readAllBytes() : new byte[0];
            McpFaults.Rpc rpc = rpc(body);
            String token = bearer(request);
            String session = request.getHeader("Mcp-Session-Id");
            McpFaults.Kind injected = null;
            try {
                T tenant = token == null ? null : tenants.apply(token);
                if (token == null) {
                    unauthorized(response, null, null);
                    return;
                }
                if (tenant == null) {
                    unauthorized(response, "invalid_token", "The access token is not valid");
                    return;
                }
                if (session != null && faults.dropped(session)) {
                    response.setStatus(404);
                    json(response, Map.of("jsonrpc", "2.0", "error",
                            Map.of("code", -32001, "message", "Session not found: " + session)));
                    return;
                }
                Optional<McpFaults.Fault> fault = faults.take(rpc);
                if (fault.isPresent()) {
                    injected = fault.get().kind();
                    if (answer(fault.get(), response)) {
                        return;
                    }
                }
                if (rpc.toolCall() && pause(faults.latency())) {
                    response.setStatus(503);
                    return;
                }
                request.setAttribute(TENANT, tenant);
                request.setAttribute(TOKEN, token);
                chain.doFilter(new Replayed(request, body), response);
                String started = response.getHeader("Mcp-Session-Id");
                if ("initialize".equals(rpc.method()) && started != null) {
                    sessions.add(started);
                }
            } finally {
                requests.add(new HostedMcpRequest(Instant.now(), request.getMethod(), rpc.method(), rpc.tool(), token,
                        session != null ? session : response.getHeader("Mcp-Session-Id"), response.getStatus(),
                        injected));
            }
        }
    }

    /** The issuers the protected-resource metadata names as the servers that issue this server's tokens. */
    void authorizationServers(List<String> issuers) {
        this.authorizationServers = List.copyOf(issuers);
    }

    /**
     * The OAuth protected-resource metadata (RFC 9728) the 401 challenge points at, also at the well-known URI
     * RFC 9728 derives from the endpoint's path.
     */
    private final class ResourceMetadata extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("resource", url());
            if (!authorizationServers.isEmpty()) {
                metadata.put("authorization_servers", authorizationServers);
            }
            metadata.put("bearer_methods_supported", List.of("header"));
            metadata.put("scopes_supported", scopes);
            json(response, metadata);
        }
    }

    /** The request with its body, already read by the gate, readable again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is no failure of the test that used the server
        }
    }
}
