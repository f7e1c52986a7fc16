package com.yarnnn.export.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployable's executable jar run as an operator runs it: its own JVM, in a given working directory, configured
 * by the environment it is handed (and nothing inherited but {@code PATH}, which finds {@code node}); its output
 * goes to a log file.
 */
final class DeployableProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final int managementPort;

    private DeployableProcess(String name, Process process, Path log, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /** Starts {@code jar}; the environment must set {@code MANAGEMENT_PORT}, where its health is read. */
    static DeployableProcess start(String name, Path jar, Path workingDirectory, Map<String, String> environment,
            List<String> arguments, Path logs) throws IOException {
        // C1 only: a test process is mostly start-up, which C2 slows down on a busy machine
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(arguments);
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the test JVM's own variables (a CI's KAFKA_BOOTSTRAP_SERVERS, say) must not count
        String path = builder.environment().get("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path);
        builder.environment().putAll(environment);
        return new DeployableProcess(name, builder.start(), log,
                Integer.parseInt(environment.get("MANAGEMENT_PORT")));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code /actuator/health} answers UP on the management port; fails at once if the JVM exited. */
    void awaitHealthy() {
        await(name + " healthy on :" + managementPort + " (log: " + log + ")")
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .failFast(name + " exited (log: " + log + ")", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(UncheckedIOException.class)
                .until(() -> "UP".equals(health()));
    }

    /** The status {@code /actuator/health} answers on the management port. */
    String health() {
        return JSON.readTree(get(URI.create("http://localhost:" + managementPort + "/actuator/health")).body())
                .path("status").asString();
    }

    /** Everything it printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it as a deployment would (SIGTERM, graceful shutdown), killing it if that takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
