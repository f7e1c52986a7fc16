package com.yarnnn.export.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP clients nobody here wrote, run against a Streamable HTTP MCP endpoint (api-edge's {@code /mcp}) with a
 * bearer token, each as {@code node <entry>} of the npm project {@code infra/mcp-servers} (installed from its lockfile
 * by {@code npm ci}): the official MCP Inspector's CLI mode, and {@code clients/export-with-progress.mjs} on the
 * official TypeScript SDK. A run that exits non-zero or outlives {@link #TIMEOUT_SECONDS} fails with the tail of
 * what it printed on stderr.
 */
final class ThirdPartyMcpClients {

    static final long TIMEOUT_SECONDS = 60;

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../mcp-servers"))
            .toAbsolutePath().normalize();
    /** The Inspector package's own bin ({@code mcp-inspector}), whose first flag picks the mode. */
    private static final Path INSPECTOR = SERVERS
            .resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
    private static final Path EXPORT_WITH_PROGRESS = SERVERS.resolve("clients/export-with-progress.mjs");
    /** The Inspector CLI's exit code for a tool result with {@code isError: true}, which it still prints. */
    private static final int INSPECTOR_TOOL_ERROR = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ThirdPartyMcpClients() {
    }

    static Path serversDirectory() {
        return SERVERS;
    }

    /** The Inspector's {@code tools/list}: the ListToolsResult, {@code {"tools": [...]}}. */
    static JsonNode inspectorListTools(URI mcp, String token) {
        return inspector(mcp, token, List.of("--method", "tools/list"));
    }

    /**
     * The Inspector's {@code tools/call}: the CallToolResult ({@code content}, {@code structuredContent}, and
     * {@code isError: true} for a tool error, which the CLI prints but exits 5 on). The Inspector turns each value into
     * the type the tool's input schema declares (number, boolean, JSON object or array); an empty value it refuses.
     */
    static JsonNode inspectorCallTool(URI mcp, String token, String tool, Map<String, String> args) {
        List<String> options = new ArrayList<>(List.of("--method", "tools/call", "--tool-name", tool));
        args.forEach((key, value) -> options.addAll(List.of("--tool-arg", key + "=" + value)));
        return inspector(mcp, token, options);
    }

    /**
     * {@code export-with-progress.mjs}: {@code export_deliverable} with {@code arguments} and a progress token, then
     * {@code get_export}; {@code {"tools": [names], "progress": [messages], "result": {..}, "export": {..}}}.
     */
    static JsonNode exportWithProgress(URI mcp, String token, Map<String, Object> arguments) {
        return node(List.of(EXPORT_WITH_PROGRESS.toString(), mcp.toString(), token,
                JSON.writeValueAsString(arguments)), token).succeeded();
    }

    private static JsonNode inspector(URI mcp, String token, List<String> options) {
        // --cli must come first (without it the Inspector starts its web UI), the URL straight after it (a variadic
        // option such as --tool-arg or --header would take it for one of its values)
        List<String> command = new ArrayList<>(List.of(INSPECTOR.toString(), "--cli", mcp.toString(),
                "--transport", "http", "--header", "Authorization: Bearer " + token));
        command.addAll(options);
        // one JSON object on stdout, {"result": ...}; never an interactive OAuth login when the server answers 401
        command.addAll(List.of("--format", "json", "--stored-auth-only"));
        Run run = node(command, token);
        if (run.exitCode == INSPECTOR_TOOL_ERROR && run.stdout.contains("\"result\"")) {
            return JSON.readTree(run.stdout).required("result");
        }
        return run.succeeded().required("result");
    }

    private static Run node(List<String> arguments, String token) {
        if (!Files.isRegularFile(Path.of(arguments.get(0)))) {
            // node_modules from before the clients were pinned: the npm-ci profile of mcp-servers only runs without one
            throw new IllegalStateException(arguments.get(0) + " is missing: run (cd " + SERVERS + " && npm ci)");
        }
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(arguments);
        String shown = String.join(" ", command.stream()
                .map(word -> word.equals(token) ? "<token>" : word.replace("Bearer " + token, "Bearer <token>"))
                .toList());
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("mcp-client", ".out");
            stderr = Files.createTempFile("mcp-client", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(SERVERS.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            // the targets are on this machine; and with a proxy variable set the Inspector loads undici, which
            // needs a newer Node.js than this one
            List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
                    .forEach(environment::remove);
            // the Inspector keeps a catalog and OAuth state under ~/.mcp-inspector: not the developer's own
            environment.put("HOME", inspectorHome().toString());
            environment.put("MCP_INSPECTOR_SECRET_STORE", "memory");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("Timed out after " + TIMEOUT_SECONDS + " s: " + shown + "\n"
                        + tail(Files.readString(stderr)));
            }
            return new Run(shown, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(stdout);
            delete(stderr);
        }
    }

    private static Path inspectorHome() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("yarnnn.build.directory", "target"))
                .toAbsolutePath().resolve("mcp-client-home"));
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private record Run(String command, int exitCode, String stdout, String stderr) {

        JsonNode succeeded() {
            if (exitCode != 0) {
                throw new IllegalStateException("Exit " + exitCode + ": " + command + "\n" + tail(stderr));
            }
            return JSON.readTree(stdout);
        }
    }
}
