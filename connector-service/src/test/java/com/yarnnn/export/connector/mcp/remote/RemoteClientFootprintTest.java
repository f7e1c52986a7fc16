package com.yarnnn.export.connector.mcp.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a check of behaviour (run it with {@code -Dyarnnn.footprint=true}): the heap an idle, initialised
 * connection client keeps, and the latency of calls, against server-everything in its own process (so that the heap
 * measured is the client's alone). Writes {@code target/remote-mcp-footprint.md}.
 */
@EnabledIfSystemProperty(named = "yarnnn.footprint", matches = "true")
class RemoteClientFootprintTest {

    private static final int CLIENTS = 1_000;
    private static final int WARM_CALLS = 500;

    @TempDir
    Path logs;

    @Test
    void measuresTheHeapOfIdleClientsAndTheLatencyOfCalls() throws IOException {
        try (ServerEverything everything = ServerEverything.start(logs)) {
            RemoteMcpSessions sessions = new RemoteMcpSessions(new RemoteMcpProperties(
                    Map.of("everything", new RemoteMcpProperties.Server(everything.url(), Duration.ofSeconds(30))),
                    null, null, null, 2 * CLIENTS, null), Clock.systemUTC());
            RemoteServer server = sessions.server("everything");
            TestTokens tokens = TestTokens.renewingTo("token", "renewed");
            IntStream.range(0, 50).forEach(i -> call(sessions, server, UUID.randomUUID(), tokens));
            long threadsBefore = Thread.activeCount();
            long heapBefore = heapAfterGc();

            List<Long> firstCalls = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                firstCalls.add(call(sessions, server, UUID.randomUUID(), tokens));
            }
            long heapAfter = heapAfterGc();
            long threadsAfter = Thread.activeCount();
            UUID warm = UUID.randomUUID();
            call(sessions, server, warm, tokens);
            List<Long> warmCalls = IntStream.range(0, WARM_CALLS).mapToObj(i -> call(sessions, server, warm, tokens))
                    .collect(ArrayList::new, List::add, List::addAll);
            long serverRssKb = rssKb(everything.pid());
            long open = sessions.openClients();
            sessions.destroy();

            long perClient = (heapAfter - heapBefore) / CLIENTS;
            String report = """
                    # Remote MCP clients: footprint and latency (server-everything over Streamable HTTP, loopback)

                    | measure | value |
                    |---|---|
                    | idle initialised clients | %d (%d open with the warm-up's) |
                    | retained heap, after GC | %,d KB in all, **%,d bytes per client** |
                    | JVM threads before / after | %d / %d |
                    | first call of a client (handshake + call), median / p95 | %.1f / %.1f ms |
                    | later call on a client, median / p95 (%d calls) | %.2f / %.2f ms |
                    | server-everything RSS with %d sessions | %,d KB |
                    """.formatted(CLIENTS, open, (heapAfter - heapBefore) / 1024, perClient,
                    threadsBefore, threadsAfter, percentile(firstCalls, 50), percentile(firstCalls, 95), WARM_CALLS,
                    percentile(warmCalls, 50), percentile(warmCalls, 95), CLIENTS + 51, serverRssKb);
            Files.writeString(Path.of("target", "remote-mcp-footprint.md"), report);
            System.out.println(report);
            assertThat(perClient).isPositive();
        }
    }

    private static long call(RemoteMcpSessions sessions, RemoteServer server, UUID connection, TokenSource tokens) {
        long start = System.nanoTime();
        sessions.callTool(server, connection, tokens, "echo", Map.of("message", "hi"));
        return System.nanoTime() - start;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(List<Long> nanos, int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
    }
}
