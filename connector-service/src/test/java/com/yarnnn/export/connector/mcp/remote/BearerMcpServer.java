package com.yarnnn.export.connector.mcp.remote;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Streamable HTTP MCP server as the vendors host them, on the MCP SDK's servlet transport in an embedded Tomcat:
 * every request must carry {@code Authorization: Bearer <the accepted token>} (else 401). It counts what reaches it,
 * and fails on request: the next {@code tools/call} with a status and headers, or every session it knows with 404
 * from now on (a server that lost its sessions). Tools: {@code echo {message}} → {@code Echo: <message>},
 * {@code sleep {millis}}.
 */
final class BearerMcpServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tomcat's start/stop lines and its warnings about Reactor's threads, which are the client's (held: JUL forgets). */
    private static final java.util.logging.Logger TOMCAT_LOG = quiet("org.apache");

    private final Tomcat tomcat;
    private final HttpServletStreamableServerTransportProvider transport;
    private final McpSyncServer server;
    private final AtomicInteger toolRuns = new AtomicInteger();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Set<String> headerNames = ConcurrentHashMap.newKeySet();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> droppedSessions = ConcurrentHashMap.newKeySet();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private volatile String acceptedToken;

    private record Failure(int status, Map<String, String> headers) {
    }

    private BearerMcpServer(String acceptedToken) throws Exception {
        this.acceptedToken = acceptedToken;
        this.transport = HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
        this.server = McpServer.sync(transport).serverInfo("bearer-test-server", "1")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tool("echo", "message", (args) -> "Echo: " + args.get("message")),
                        tool("sleep", "millis", (args) -> {
                            Thread.sleep(((Number) args.get("millis")).longValue());
                            return "slept";
                        }))
                .build();
        this.tomcat = tomcat(transport, new Wire());
    }

    static BearerMcpServer start(String acceptedToken) {
        try {
            return new BearerMcpServer(acceptedToken);
        } catch (Exception e) {
            throw new IllegalStateException("the test MCP server did not start", e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/mcp");
    }

    /** From now on only this token is accepted. */
    void accept(String token) {
        acceptedToken = token;
    }

    /** The next {@code tools/call} is answered with this status and these headers, without running the tool. */
    void failNextCall(int status, Map<String, String> headers) {
        failures.add(new Failure(status, headers));
    }

    /** Every session known so far is answered with 404 from now on, as by a server that restarted. */
    void dropSessions() {
        droppedSessions.addAll(sessions);
    }

    /** Requests that reached the server: by JSON-RPC method for POSTs ({@code tools/call}), else the HTTP method. */
    int requests(String what) {
        AtomicInteger count = requests.get(what);
        return count == null ? 0 : count.get();
    }

    /** How often a tool actually ran. */
    int toolRuns() {
        return toolRuns.get();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The names of the headers requests had, lower-cased. */
    Set<String> headerNames() {
        return Set.copyOf(headerNames);
    }

    @Override
    public void close() throws Exception {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
    }

    private interface ToolBody {
        String run(Map<String, Object> arguments) throws Exception;
    }

    private SyncToolSpecification tool(String name, String argument, ToolBody body) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).inputSchema(Map.of("type", "object",
                "properties", Map.of(argument, Map.of())
        )).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            toolRuns.incrementAndGet();
            try {
                return McpSchema.CallToolResult.builder().addTextContent(body.run(request.arguments())).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).build();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static Tomcat tomcat(HttpServletStreamableServerTransportProvider servlet, Filter filter) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        String baseDir = Files.createTempDirectory("bearer-mcp-server").toString();
        tomcat.setBaseDir(baseDir);
        Context context = tomcat.addContext("", baseDir);
        Wrapper wrapper = context.createWrapper();
        wrapper.setName("mcp");
        wrapper.setServlet(servlet);
        wrapper.setLoadOnStartup(1);
        wrapper.setAsyncSupported(true);
        context.addChild(wrapper);
        context.addServletMappingDecoded("/*", "mcp");
        FilterDef filterDef = new FilterDef();
        filterDef.setFilter(filter);
        filterDef.setFilterName("wire");
        filterDef.setAsyncSupported("true");
        context.addFilterDef(filterDef);
        FilterMap filterMap = new FilterMap();
        filterMap.setFilterName("wire");
        filterMap.addURLPattern("/*");
        context.addFilterMap(filterMap);
        tomcat.start();
        return tomcat;
    }

    /** Counts, checks the token, and fails as asked, before the SDK's servlet sees the request. */
    private final class Wire implements Filter {

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            byte[] body = request.getInputStream().readAllBytes();
            String what = "POST".equals(request.getMethod()) ? JSON.readTree(body).path("method").asString("response")
                    : request.getMethod();
            requests.computeIfAbsent(what, key -> new AtomicInteger()).incrementAndGet();
            Collections.list(request.getHeaderNames()).forEach(name -> headerNames.add(name.toLowerCase(Locale.ROOT)));
            String authorization = request.getHeader("Authorization");
            authorizations.add(String.valueOf(authorization));
            String session = request.getHeader("Mcp-Session-Id");
            if (!("Bearer " + acceptedToken).equals(authorization)) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                response.sendError(401);
                return;
            }
            if (session != null && droppedSessions.contains(session)) {
                response.sendError(404);
                return;
            }
            if (session != null) {
                sessions.add(session);
            }
            Failure failure = "tools/call".equals(what) ? failures.poll() : null;
            if (failure != null) {
                failure.headers().forEach(response::setHeader);
                response.setContentType("application/json");
                response.setStatus(failure.status());
                response.getWriter().write("{\"error\":\"injected " + failure.status() + "\"}");
                return;
            }
            chain.doFilter(new ReadAgain(request, body), response);
        }
    }

    /** The request with its body, which the filter has read, readable once more. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return bytes.read();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
    }
}
