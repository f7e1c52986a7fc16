package com.yarnnn.export.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in its own JVM ({@code kafka.Kafka} from the test classpath), which a test
 * can stop and start again on the same port and data directory — what an in-process test broker cannot do.
 */
final class StandaloneBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private Process process;

    private StandaloneBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static StandaloneBroker start(Path directory) throws IOException, InterruptedException {
        int port = freePort();
        int controllerPort = freePort();
        Files.writeString(directory.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=4194304",
                "auto.create.topics.enable=false",
                ""));
        int formatted = java(directory, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                directory.resolve("server.properties").toString()).waitFor();
        if (formatted != 0) {
            // the log lives in a temporary directory the test removes: its last lines go into the failure
            List<String> log = Files.readAllLines(directory.resolve("broker.log"));
            throw new IllegalStateException("Formatting the broker's storage failed (exit " + formatted + "):\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size())));
        }
        StandaloneBroker broker = new StandaloneBroker(directory, port);
        broker.startProcess();
        return broker;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker the way an operator's restart does (SIGTERM, controlled shutdown). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    void startAgain() throws IOException {
        startProcess();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private void startProcess() throws IOException {
        process = java(directory, "kafka.Kafka", directory.resolve("server.properties").toString());
        await().atMost(Duration.ofSeconds(60)).until(this::accepting);
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Process java(Path directory, String mainClass, String... args) throws IOException {
        Path log = directory.resolve("broker.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static String clusterId() {
        UUID id = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
