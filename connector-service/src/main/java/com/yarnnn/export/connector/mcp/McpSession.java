package com.yarnnn.export.connector.mcp;

import com.yarnnn.export.connector.failure.McpCallException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running MCP server and the client connected to it. Concurrent tool calls share it (SDK 2.1.0 multiplexes
 * them). When the server process dies, the client is closed at once so calls in flight fail now instead of
 * after the request timeout, and the owner is told.
 */
public final class McpSession {

    private static final Logger log = LoggerFactory.getLogger(McpSession.class);
    private static final long START_POLL_MILLIS = 25;

    private final McpServerSpec spec;
    private final McpSyncClient client;
    private final Process process;
    private final Duration closeTimeout;
    private final Consumer<McpSession> onExit;
    private volatile boolean closed;

    private McpSession(McpServerSpec spec, McpSyncClient client, Process process, Duration closeTimeout,
            Consumer<McpSession> onExit) {
        this.spec = spec;
        this.client = client;
        this.process = process;
        this.closeTimeout = closeTimeout;
        this.onExit = onExit;
        process.onExit().thenRun(this::serverExited);
    }

    /**
     * Starts the server and completes the MCP handshake; fails as soon as the server exits during start-up.
     *
     * @param onExit told when the server exits on its own later (not when {@link #close()} stopped it)
     */
    static McpSession start(McpServerSpec spec, McpProperties properties, Consumer<McpSession> onExit) {
        requireInstalled(spec, properties);
        StderrTail stderr = new StderrTail(spec.name());
        ServerParameters parameters = ServerParameters.builder(spec.command())
                .args(spec.args()).env(spec.env()).build();
        StdioClientTransport transport = new ScrubbedStdioTransport(parameters, properties.serversDir());
        transport.setStdErrorHandler(stderr);
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("yarnnn-export-pipeline", "1").build())
                .requestTimeout(properties.requestTimeout())
                .initializationTimeout(properties.initializationTimeout())
                .build();
        CompletableFuture<McpSchema.InitializeResult> handshake = CompletableFuture.supplyAsync(client::initialize);
        long deadline = System.nanoTime() + properties.initializationTimeout().toNanos();
        while (true) {
            try {
                handshake.get(START_POLL_MILLIS, TimeUnit.MILLISECONDS);
                Process process = processOf(transport)
                        .orElseThrow(() -> new IllegalStateException("the MCP transport holds no process"));
                log.info("Started MCP server '{}' (pid {})", spec.name(), process.pid());
                return new McpSession(spec, client, process, properties.closeTimeout(), onExit);
            } catch (TimeoutException stillStarting) {
                Optional<Process> process = processOf(transport);
                boolean exited = process.isPresent() && !process.get().isAlive();
                if (exited || System.nanoTime() > deadline) {
                    client.close();
                    throw startFailure(spec, stderr, exited
                            ? "exited with code " + process.get().exitValue() + " during start-up"
                            : "did not answer within " + properties.initializationTimeout().toSeconds() + " s", null);
                }
            } catch (ExecutionException e) {
                client.close();
                throw startFailure(spec, stderr, "failed to start", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.close();
                throw startFailure(spec, stderr, "start was interrupted", e);
            }
        }
    }

    public McpSchema.CallToolResult callTool(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    public boolean isAlive() {
        return !closed && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public McpServerSpec spec() {
        return spec;
    }

    /** Asks the server to exit, kills it when it does not, and returns once it is gone (or the close timeout passed). */
    void close() {
        closed = true;
        client.closeGracefully();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.onExit().get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("MCP server '{}' (pid {}) did not exit within {}", spec.name(), process.pid(), closeTimeout);
        }
    }

    private void serverExited() {
        if (!closed) {
            closed = true;
            log.warn("MCP server '{}' (pid {}) exited with code {}", spec.name(), process.pid(), process.exitValue());
            client.close();
            onExit.accept(this);
        }
    }

    private static void requireInstalled(McpServerSpec spec, McpProperties properties) {
        for (String arg : spec.args()) {
            if (arg.endsWith(".js") || arg.endsWith(".mjs") || arg.endsWith(".cjs")) {
                Path entry = properties.serversDir().resolve(arg);
                if (!Files.isRegularFile(entry)) {
                    throw new McpCallException("server_unavailable", "MCP server '" + spec.name()
                            + "' is not installed: " + entry + " is missing (run `npm ci` in "
                            + properties.serversDir() + ")", null);
                }
            }
            if (arg.endsWith(".jar")) {
                Path jar = properties.serversDir().resolve(arg);
                if (!Files.isRegularFile(jar)) {
                    throw new McpCallException("server_unavailable", "MCP server '" + spec.name()
                            + "' is not built: " + jar + " is missing (run `./mvnw -B -DskipTests package`, which builds"
                            + " the project's own servers into " + properties.serversDir().resolve("java") + ")", null);
                }
            }
        }
    }

    private static McpCallException startFailure(McpServerSpec spec, StderrTail stderr, String what, Throwable cause) {
        String tail = stderr.tailWhenQuiet(Duration.ofMillis(100), Duration.ofSeconds(1));
        return new McpCallException("server_unavailable", "MCP server '" + spec.name() + "' " + what
                + (tail.isEmpty() ? "" : "; its last output:\n" + tail), cause);
    }

    /**
     * The SDK keeps the child process private and does not notice when it dies (java-sdk #959), so the
     * watchdog reads the field; it is set once the transport has spawned the server.
     */
    private static Optional<Process> processOf(StdioClientTransport transport) {
        try {
            Field field = StdioClientTransport.class.getDeclaredField("process");
            field.setAccessible(true);
            return Optional.ofNullable((Process) field.get(transport));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this MCP SDK version hides the server process differently", e);
        }
    }
}
