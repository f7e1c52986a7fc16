package com.yarnnn.export.connector.mcp.remote;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The npm {@code @modelcontextprotocol/server-everything} in its Streamable HTTP mode ({@code PORT} picks its port),
 * run as {@code node <entry> streamableHttp} in the npm project {@code yarnnn.mcp.servers-dir}. It ignores the bearer
 * token, keeps its sessions in memory (a restart loses them) and answers an unknown session with 400.
 */
final class ServerEverything implements AutoCloseable {

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"))
            .toAbsolutePath().normalize();
    private static final String ENTRY = "node_modules/@modelcontextprotocol/server-everything/dist/index.js";

    private final int port;
    private final Path log;
    private Process process;

    private ServerEverything(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    static ServerEverything start(Path logDirectory) {
        ServerEverything server = new ServerEverything(freePort(), logDirectory.resolve("server-everything.log"));
        server.run();
        return server;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    long pid() {
        return process.pid();
    }

    /** Stops the server and starts it again on the same port: every session is gone. */
    void restart() {
        stop();
        run();
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        if (!Files.isRegularFile(SERVERS.resolve(ENTRY))) {
            throw new IllegalStateException(SERVERS.resolve(ENTRY) + " is missing: run (cd " + SERVERS + " && npm ci)");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("node", ENTRY, "streamableHttp").directory(SERVERS.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("server-everything listening on :" + port).atMost(Duration.ofSeconds(30))
                .failFast("server-everything exited", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
