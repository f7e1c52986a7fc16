package com.yarnnn.export.connector.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounded pool against the real npm {@code server-everything}, one server per key. */
class McpSessionPoolTest {

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));
    private static final String ENTRY = "node_modules/@modelcontextprotocol/server-everything/dist/index.js";
    private static final Path SLOW_START = Path.of("src/test/resources/mcp/slow-start.mjs").toAbsolutePath();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private McpSessionManager pool;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        pool.destroy();
    }

    @Test
    void manyKeysNeverRunMoreServersThanTheBoundAndEveryCallSucceeds() {
        pool = pool(3, Duration.ofMinutes(10));
        ConcurrentLinkedQueue<Long> runningSeen = new ConcurrentLinkedQueue<>();

        List<CompletableFuture<String>> calls = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    String answer = echo("connection-" + (i % 6), "call " + i);
                    runningSeen.add(runningServers());
                    return answer;
                }, callers))
                .toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).startsWith("Echo: call "));
        assertThat(runningSeen).hasSize(12).allSatisfy(running -> assertThat(running).isLessThanOrEqualTo(3));
        assertThat(runningServers()).isLessThanOrEqualTo(3);
        assertThat(pool.liveSessions()).hasSizeLessThanOrEqualTo(3);
        assertThat(count("yarnnn.mcp.session.starts")).isGreaterThanOrEqualTo(6);
        assertThat(evictions("lru")).isEqualTo(count("yarnnn.mcp.session.starts") - pool.liveSessions().size());
        assertThat(acquisitions("hit") + acquisitions("miss")).isEqualTo(12);
    }

    @Test
    void aFullPoolStopsTheLeastRecentlyUsedIdleSession() {
        pool = pool(2, Duration.ofMinutes(10));
        echo("a", "1");
        long b = echoAndPid("b");
        long a = echoAndPid("a");

        echo("c", "1");

        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(b));
        assertThat(alive(a)).isTrue();
        assertThat(pool.liveSessions()).extracting(s -> s.spec().key()).containsExactlyInAnyOrder("a", "c");
        assertThat(count("yarnnn.mcp.session.starts")).isEqualTo(3);
        assertThat(evictions("lru")).isEqualTo(1);
        assertThat(acquisitions("miss")).isEqualTo(3);
        assertThat(acquisitions("hit")).isEqualTo(1);
        assertThat(meters.get("yarnnn.mcp.session.start").tag("server", "everything").timer().count()).isEqualTo(3);
        assertThat(live()).isEqualTo(2);
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutIsStopped() {
        pool = pool(4, Duration.ofMillis(500));
        long pid = echoAndPid("a");

        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(pid));

        assertThat(pool.liveSessions()).isEmpty();
        assertThat(evictions("idle")).isEqualTo(1);
        assertThat(live()).isZero();
        assertThat(echo("a", "again")).isEqualTo("Echo: again");
    }

    @Test
    void aBusySessionIsNeverEvictedAndAWaitingKeyGetsTheSlotWhenItIsFree() {
        pool = pool(1, Duration.ofMinutes(10));
        CompletableFuture<McpSchema.CallToolResult> longCall = CompletableFuture.supplyAsync(() -> pool.callTool(
                spec("busy"), "trigger-long-running-operation", Map.of("duration", 2, "steps", 2)), callers);
        await().atMost(Duration.ofSeconds(20)).until(() -> live() == 1);
        long busy = pool.liveSessions().get(0).pid();

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> echo("waiting", "got a slot"), callers);

        await().atMost(Duration.ofSeconds(30)).until(longCall::isDone);
        assertThat(longCall.join().isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(waiting.join()).isEqualTo("Echo: got a slot");
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(busy));
        assertThat(evictions("lru")).isEqualTo(1);
        assertThat(count("yarnnn.mcp.session.starts")).isEqualTo(2);
    }

    @Test
    void aSlowStartOfOneKeyDoesNotDelayCallsToOtherKeys() {
        pool = pool(4, Duration.ofMinutes(10));
        echo("warm", "1");
        McpServerSpec slow = new McpServerSpec("everything", "slow", "node",
                List.of(SLOW_START.toString(), "4000", ENTRY, "stdio"), Map.of());
        CompletableFuture<McpSchema.CallToolResult> slowCall = CompletableFuture.supplyAsync(
                () -> pool.callTool(slow, "echo", Map.of("message", "late")), callers);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("yarnnn.mcp.session.starts") == 2);

        long started = System.nanoTime();
        assertThat(echo("warm", "2")).isEqualTo("Echo: 2");
        assertThat(echo("cold", "3")).isEqualTo("Echo: 3");
        Duration others = Duration.ofNanos(System.nanoTime() - started);

        assertThat(slowCall).isNotDone();
        assertThat(others).isLessThan(Duration.ofSeconds(3));
        assertThat(text(slowCall.join())).isEqualTo("Echo: late");
    }

    @Test
    void concurrentCallsOfOneKeyShareOneServerAndItsStart() {
        pool = pool(4, Duration.ofMinutes(10));

        List<CompletableFuture<String>> calls = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> echo("shared", "n" + i), callers))
                .toList();

        assertThat(calls).extracting(CompletableFuture::join)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 16).mapToObj(i -> "Echo: n" + i).toList());
        assertThat(count("yarnnn.mcp.session.starts")).isEqualTo(1);
        assertThat(pool.liveSessions()).hasSize(1);
        assertThat(acquisitions("hit") + acquisitions("miss")).isEqualTo(16);
    }

    @Test
    void aReplacedSessionFinishesItsCallInFlightBeforeItStops() {
        pool = pool(4, Duration.ofMinutes(10));
        McpServerSpec before = new McpServerSpec("everything", "rotating", "node", List.of(ENTRY, "stdio"),
                Map.of("TOKEN", "old"));
        CompletableFuture<McpSchema.CallToolResult> inFlight = CompletableFuture.supplyAsync(() -> pool.callTool(
                before, "trigger-long-running-operation", Map.of("duration", 6, "steps", 2)), callers);
        await().atMost(Duration.ofSeconds(20)).until(() -> live() == 1);
        long old = pool.liveSessions().get(0).pid();

        McpServerSpec refreshed = new McpServerSpec("everything", "rotating", "node", List.of(ENTRY, "stdio"),
                Map.of("TOKEN", "new"));
        assertThat(text(pool.callTool(refreshed, "get-env", Map.of()))).contains("new");

        // the call lasts 6 s, longer than a replacement server's start on a loaded machine
        assertThat(inFlight).as("the old server's call is still running").isNotDone();
        assertThat(alive(old)).as("the old server still has a call in flight").isTrue();
        assertThat(inFlight.join().isError()).isNotEqualTo(Boolean.TRUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(old));
        assertThat(evictions("replaced")).isEqualTo(1);
        assertThat(pool.liveSessions()).singleElement().satisfies(s -> assertThat(s.pid()).isNotEqualTo(old));
    }

    @Test
    void aServerThatDiesLeavesThePoolAtOnce() {
        pool = pool(4, Duration.ofMinutes(10));
        long pid = echoAndPid("a");

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10)).until(() -> evictions("exited") == 1);
        assertThat(live()).isZero();
        assertThat(pool.liveSessions()).isEmpty();
    }

    @Test
    void closingThePoolStopsEveryServer() {
        pool = pool(4, Duration.ofMinutes(10));
        List.of("a", "b", "c").forEach(key -> echo(key, "1"));
        assertThat(runningServers()).isEqualTo(3);

        pool.destroy();

        await().atMost(Duration.ofSeconds(10)).until(() -> runningServers() == 0);
        assertThat(pool.liveSessions()).isEmpty();
        assertThat(live()).isZero();
    }

    private McpSessionManager pool(int maxSessions, Duration idleTimeout) {
        return new McpSessionManager(new McpProperties(SERVERS, Duration.ofSeconds(30), Duration.ofSeconds(20), null,
                Map.of(), new McpProperties.Pool(maxSessions, idleTimeout)), meters);
    }

    private static McpServerSpec spec(String key) {
        return new McpServerSpec("everything", key, "node", List.of(ENTRY, "stdio"), Map.of());
    }

    private String echo(String key, String message) {
        return text(pool.callTool(spec(key), "echo", Map.of("message", message)));
    }

    private long echoAndPid(String key) {
        echo(key, "1");
        return pool.liveSessions().stream().filter(s -> s.spec().key().equals(key)).findFirst().orElseThrow().pid();
    }

    private double count(String name) {
        return meters.get(name).tag("server", "everything").counter().count();
    }

    private double evictions(String reason) {
        return meters.find("yarnnn.mcp.session.evictions").tags("server", "everything", "reason", reason)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double acquisitions(String result) {
        return meters.find("yarnnn.mcp.session.acquisitions").tags("server", "everything", "result", result)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double live() {
        Gauge gauge = meters.find("yarnnn.mcp.sessions.live").tag("server", "everything").gauge();
        return gauge != null ? gauge.value() : 0;
    }

    /** The server processes this JVM has running (the tests run one class at a time). */
    private static long runningServers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).collect(Collectors.joining());
    }
}
