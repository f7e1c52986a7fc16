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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One deployable (api-edge or export-consumer) run from its executable jar as a process of its own, as an operator
 * runs it, so that a failpoint's {@code halt} or a SIGKILL ends it the way a crash would and nothing of it survives in
 * the test's JVM. It keeps its port across restarts, so clients reach the restarted process at the same address.
 * Each start writes its own log file, in which the failpoints a run reached can be counted. Its first start applies
 * the database changelog; later ones skip Liquibase.
 */
final class DeployableJar implements AutoCloseable {

    /** The exit code of {@code Runtime.halt(137)}, a failpoint's {@code halt}: what SIGKILL gives too. */
    static final int HALTED = 137;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final ExtractedJar jar;
    private final Path logs;
    private final Map<String, Object> settings;
    private final int port;
    private Process process;
    private Map<String, String> failpoints = Map.of();
    private Path log;
    private int starts;

    DeployableJar(String name, ExtractedJar jar, Path logs, Map<String, Object> settings) {
        this.name = name;
        this.jar = jar;
        this.logs = logs;
        this.settings = Map.copyOf(settings);
        this.port = freePort();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the jar with these failpoints armed ({@code yarnnn.failpoints.<name>=<action>}); none is a clean start. */
    synchronized void start(Map<String, String> armed) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        log = logs.resolve("%s-%02d.log".formatted(name, starts));
        List<String> command = new ArrayList<>(jar.command());
        Map<String, Object> changes = new LinkedHashMap<>();
        // the schema is current after the first start: a restart need not take Liquibase's lock and check it again
        changes.put("spring.liquibase.enabled", starts == 1);
        armed.forEach((point, action) -> changes.put("yarnnn.failpoints." + point, action));
        command.addAll(arguments(changes));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        failpoints = Map.copyOf(armed);
    }

    /** Waits until the process answers its actuator's health with 200 (for api-edge: ready to take exports). */
    void awaitReady(Duration atMost) {
        await(name + " ready (log: " + log + ")").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue() + " while "
                                + "starting; see " + log);
                    }
                    return healthy();
                });
    }

    boolean runningWith(Map<String, String> armed) {
        return process != null && process.isAlive() && failpoints.equals(armed);
    }

    /** @return the exit code, once the process ended within {@code atMost} */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still running after " + atMost + "; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL, as a crash or an OOM killer would end it. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The lines of the current run's log that contain {@code text}. */
    List<String> linesContaining(String text) {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log() {
        return log;
    }

    int starts() {
        return starts;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private List<String> arguments(Map<String, Object> changes) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put("server.port", port);
        all.putAll(changes);
        return all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
