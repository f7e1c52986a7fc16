package com.yarnnn.export.gmailmcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The server jar as the pipeline runs it ({@code java … -jar gmail-mcp-server.jar}), as a real child process over
 * stdio, with the official SDK client. The child gets only the variables given here, its own HOME, temp dir and
 * working directory (all empty temp folders), so a test can see whether it leaves anything behind.
 */
final class GmailServerProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"))
            .resolve("java/gmail-mcp-server.jar").toAbsolutePath().normalize();
    static final String TOKEN = "ya29.test-only-access-token-must-not-leak";

    final McpSyncClient client;
    final Process process;
    final List<String> stderr;
    final Path home;
    final Path tmp;
    final Path work;

    private GmailServerProcess(McpSyncClient client, Process process, List<String> stderr, Path home, Path tmp, Path work) {
        this.client = client;
        this.process = process;
        this.stderr = stderr;
        this.home = home;
        this.tmp = tmp;
        this.work = work;
    }

    static GmailServerProcess start(String apiBaseUrl, Path sandbox) {
        Path home = directory(sandbox.resolve("home"));
        Path tmp = directory(sandbox.resolve("tmp"));
        Path work = directory(sandbox.resolve("work"));
        ServerParameters parameters = ServerParameters.builder(javaCommand())
                .args(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx128m", "-Xss512k",
                        "-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()))
                .env(Map.of("HOME", home.toString(), "GMAIL_ACCESS_TOKEN", TOKEN, "GMAIL_API_BASE_URL", apiBaseUrl))
                .build();
        StdioClientTransport transport = new StdioClientTransport(parameters, McpJsonDefaults.getMapper()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder builder = new ProcessBuilder().directory(work.toFile());
                builder.environment().clear();
                return builder;
            }
        };
        List<String> stderr = new CopyOnWriteArrayList<>();
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("gmail-mcp-server-test", "1").build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return new GmailServerProcess(client, processOf(transport), stderr, home, tmp, work);
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining());
    }

    @Override
    public void close() {
        client.close();
        process.destroyForcibly();
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process processOf(StdioClientTransport transport) {
        try {
            Field field = StdioClientTransport.class.getDeclaredField("process");
            field.setAccessible(true);
            return (Process) field.get(transport);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
