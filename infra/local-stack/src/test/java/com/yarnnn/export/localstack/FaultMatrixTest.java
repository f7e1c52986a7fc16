package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.JdbcConnectionStore;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultKeyRing;
import com.yarnnn.export.infra.DatabaseEndpoint;
import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.localstack.SameKeyRetryingClient.PlannedExport;
import com.yarnnn.export.localstack.SameKeyRetryingClient.Sent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.JdkIdGenerator;

/**
 * The fault matrix: a failure injected at each step boundary of the request and delivery paths, on the deployment an
 * operator runs — api-edge and export-consumer each from its executable jar as a process of its own, a real Kafka
 * broker in its own JVM, PostgreSQL, the real MCP servers against fakes of Slack, Notion and Gmail.
 *
 * <p>Each row starts the affected deployable with one failpoint armed ({@code halt}: the JVM ends at that step as if
 * SIGKILLed; {@code error:3}: the next three passes throw, as an unreachable database or broker would), sends a few
 * exports, each to a destination of its own, through a client that retries the same request with the same
 * Idempotency-Key until it gets its 202, restarts whatever halted, and waits until every export is terminal and the
 * pipeline is idle. It then counts what a person would see: deliveries per export at the vendor fakes and in the
 * export folder, and the status and history rows. Every export must arrive exactly once (folder, Slack, Notion),
 * every same-key retry must name the original export, and nothing may be lost or left unfinished. Gmail's deliveries
 * are reported, not asserted: a lost answer between Gmail's send and the ledger is a second email (docs/guarantees.md).
 *
 * <p>Processes are reused between rows: only the deployable that halted, or that needs another failpoint, starts
 * again. The table is printed and written to {@code target/fault-matrix.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {

    private static final Path EDGE_JAR = Path.of(System.getProperty("yarnnn.api-edge.jar"));
    private static final Path CONSUMER_JAR = Path.of(System.getProperty("yarnnn.export-consumer.jar"));
    private static final Path BUILD = Path.of(System.getProperty("yarnnn.build.directory", "target"));
    private static final String SECRET = DevTokens.randomSecret();
    private static final List<String> TERMINAL = List.of("SUCCEEDED", "FAILED", "DEAD_LETTERED");
    /** Each row's exports: two per provider whose deliveries must be exactly once, and one Gmail to report on. */
    private static final Map<String, Integer> EXPORTS_PER_PROVIDER = exportsPerProvider();

    @TempDir
    static Path work;

    static long classStarted;
    static StandaloneBroker broker;
    static VendorFakes fakes;
    static DeployableJar edge;
    static DeployableJar consumer;
    static JdbcClient jdbc;
    static UUID user;
    static SameKeyRetryingClient client;
    static VendorDeliveries deliveries;
    static ConsumerGroupLag lag;
    static FaultMatrixTable table;
    static ExecutorService senders;
    static int rows;
    static final Map<Fault, Tally> measured = new LinkedHashMap<>();

    /** The deployables. */
    enum Deployable {
        API_EDGE("api-edge"), EXPORT_CONSUMER("export-consumer");

        final String label;

        Deployable(String label) {
            this.label = label;
        }
    }

    /**
     * A row of the matrix: a failpoint armed with an action on one deployable, or (no failpoint) export-consumer
     * SIGKILLed while Slack holds its answer to a post.
     */
    record Fault(Deployable target, String failpoint, String action) {

        static Fault halt(Deployable target, String failpoint) {
            return new Fault(target, failpoint, "halt");
        }

        static Fault error(Deployable target, String failpoint) {
            return new Fault(target, failpoint, "error:3");
        }

        static Fault killDuringSlackCall() {
            return new Fault(Deployable.EXPORT_CONSUMER, null, "SIGKILL");
        }

        boolean isAt(String... failpoints) {
            return failpoint != null && List.of(failpoints).contains(failpoint);
        }

        boolean halts() {
            return action.equals("halt");
        }

        Map<String, String> armedOn(Deployable deployable) {
            return deployable == target && failpoint != null ? Map.of(failpoint, action) : Map.of();
        }

        @Override
        public String toString() {
            return failpoint == null ? target.label + " SIGKILLed during the Slack call"
                    : target.label + " `" + failpoint + "` " + action;
        }
    }

    /**
     * What a row's exports came to once the pipeline was idle: deliveries counted at the vendor fakes and in the export
     * folder, and the status and history rows. Folder, Slack and Notion must have exactly one delivery each; Gmail is
     * reported only (a lost answer between its send and the ledger is a second email, as docs/guarantees.md says).
     */
    record Tally(List<Sent> sent, Map<UUID, Integer> delivered, Map<UUID, String> statuses,
            Map<UUID, Integer> succeededRows) {

        static Tally of(List<Sent> sent) {
            Map<UUID, Integer> delivered = new LinkedHashMap<>();
            sent.stream().filter(Sent::accepted)
                    .forEach(one -> delivered.put(one.exportId(), deliveries.count(one.export(), one.exportId())));
            List<UUID> accepted = List.copyOf(delivered.keySet());
            return new Tally(sent, delivered, FaultMatrixTest.statuses(accepted), succeededLogRows(accepted));
        }

        /** The exports whose delivery must be exactly once: folder, Slack, Notion. */
        List<Sent> mustArriveOnce() {
            return sent.stream().filter(s -> !s.export().provider().equals("gmail")).toList();
        }

        int lost() {
            return (int) mustArriveOnce().stream()
                    .filter(s -> !s.accepted() || delivered.get(s.exportId()) == 0).count();
        }

        int duplicated() {
            return (int) mustArriveOnce().stream()
                    .filter(s -> s.accepted() && delivered.get(s.exportId()) > 1).count();
        }

        int nonTerminal() {
            return (int) delivered.keySet().stream().filter(id -> !TERMINAL.contains(statuses.get(id))).count();
        }

        String describeDeliveries() {
            Map<String, List<String>> byProvider = new LinkedHashMap<>();
            for (Sent one : sent) {
                byProvider.computeIfAbsent(one.export().provider(), p -> new ArrayList<>())
                        .add(one.accepted() ? String.valueOf(delivered.get(one.exportId())) : "-");
            }
            int logRows = succeededRows.values().stream().mapToInt(Integer::intValue).sum();
            return byProvider.entrySet().stream().map(e -> e.getKey() + " " + String.join("·", e.getValue()))
                    .collect(Collectors.joining(", ")) + "; SUCCEEDED log rows " + logRows;
        }
    }

    /**
     * Ordered so that processes are reused: api-edge's rows first (export-consumer clean throughout), then
     * export-consumer's with the final clean api-edge; the SIGKILL row follows a halt row, whose clean restart it uses.
     */
    static Stream<Fault> faults() {
        Deployable edge = Deployable.API_EDGE;
        Deployable consumer = Deployable.EXPORT_CONSUMER;
        return Stream.of(
                Fault.halt(edge, "edge-before-commit"),
                Fault.halt(edge, "edge-after-commit"),
                Fault.halt(edge, "edge-after-publish-ack"),
                Fault.halt(edge, "edge-before-answer"),
                Fault.halt(consumer, "consumer-after-claim"),
                Fault.error(consumer, "consumer-after-claim"),
                Fault.halt(consumer, "consumer-after-provider-call"),
                Fault.error(consumer, "consumer-after-provider-call"),
                Fault.halt(consumer, "consumer-before-outcome-publish"),
                Fault.error(consumer, "consumer-before-outcome-publish"),
                Fault.halt(consumer, "consumer-before-offset-commit"),
                Fault.error(consumer, "consumer-before-offset-commit"),
                Fault.halt(consumer, "projector-mid-batch"),
                Fault.killDuringSlackCall(),
                Fault.error(consumer, "projector-mid-batch"));
    }

    @BeforeAll
    static void start() throws Exception {
        classStarted = System.nanoTime();
        assertThat(EDGE_JAR).as("api-edge's executable jar: build through the reactor (-am)").isRegularFile();
        assertThat(CONSUMER_JAR).as("export-consumer's executable jar: build through the reactor (-am)").isRegularFile();
        Path brokerDirectory = Files.createDirectories(work.resolve("broker"));
        Path exports = Files.createDirectories(work.resolve("exports"));
        Path logs = Files.createDirectories(BUILD.resolve("fault-matrix-logs"));
        Path jars = Files.createDirectories(BUILD.resolve("fault-matrix-jars"));
        table = new FaultMatrixTable(BUILD.resolve("fault-matrix.md"));

        Map<String, Object> common = new HashMap<>();
        common.put("yarnnn.vault.keys", TestInfrastructureInitializer.TEST_VAULT_KEYS);
        common.put("yarnnn.mcp.servers-dir", Path.of(System.getProperty("yarnnn.mcp.servers-dir")).toAbsolutePath());
        common.put("yarnnn.providers.folder.root", exports);
        Map<String, Object> edgeSettings = new HashMap<>(common);
        edgeSettings.put("yarnnn.auth.jwt-secret", SECRET);
        // the jars are prepared while the broker and the database start: their training runs need neither
        ExtractedJar edgeJar = new ExtractedJar(EDGE_JAR, jars, "api-edge");
        ExtractedJar consumerJar = new ExtractedJar(CONSUMER_JAR, jars, "export-consumer");
        Map<String, Object> edgeTraining = Map.copyOf(edgeSettings);
        Map<String, Object> consumerTraining = Map.copyOf(common);
        CompletableFuture<Void> edgePrepared = CompletableFuture.runAsync(() -> prepare(edgeJar, edgeTraining, logs,
                "api-edge"));
        CompletableFuture<Void> consumerPrepared = CompletableFuture.runAsync(() -> prepare(consumerJar,
                consumerTraining, logs, "export-consumer"));
        broker = StandaloneBroker.start(brokerDirectory);
        fakes = new VendorFakes();
        DatabaseEndpoint database = Infrastructure.forTests().database();
        common.putAll(fakes.properties());
        common.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        common.put("spring.datasource.url", database.jdbcUrl());
        common.put("spring.datasource.username", database.username());
        common.put("spring.datasource.password", database.password());

        edgeSettings.putAll(common);
        // the relay sends again what Kafka did not acknowledge within delivery.timeout.ms + 2 s: keep that short
        edgeSettings.put("spring.kafka.producer.properties[delivery.timeout.ms]", "1500");
        edgeSettings.put("spring.kafka.producer.properties[request.timeout.ms]", "1000");
        edgeSettings.put("yarnnn.outbox.sweep-interval", "200ms");
        // a halted api-edge's consumers (auto-export trigger) are noticed after the session timeout, not 45 s
        edgeSettings.put("spring.kafka.consumer.properties[session.timeout.ms]", "6000");
        edgeSettings.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", "1000");
        edgeSettings.put("logging.level.org.apache.kafka.common.config", "WARN");
        edge = new DeployableJar("api-edge", edgeJar, logs, edgeSettings);

        Map<String, Object> consumerSettings = new HashMap<>(common);
        // a dead worker's claim is taken over after the lease; failed attempts come back quickly
        consumerSettings.put("yarnnn.delivery.lease", "3s");
        consumerSettings.put("yarnnn.delivery.retry-delays", "300ms,300ms,300ms");
        // the broker notices a killed process's consumers after the session timeout: keep it short
        consumerSettings.put("spring.kafka.consumer.properties[session.timeout.ms]", "6000");
        consumerSettings.put("spring.kafka.consumer.properties[heartbeat.interval.ms]", "1000");
        // not every Kafka client's configuration at every start: the logs are read when a row fails
        consumerSettings.put("logging.level.org.apache.kafka.common.config", "WARN");
        consumer = new DeployableJar("export-consumer", consumerJar, logs, consumerSettings);
        edgePrepared.join();
        consumerPrepared.join();

        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl(),
                database.username(), database.password());
        jdbc = JdbcClient.create(dataSource);
        Fault first = faults().findFirst().orElseThrow();
        startAsNeeded(first);
        // the changelog is applied once both answer: the user's connections can be saved
        user = UUID.randomUUID();
        fakes.connect(new JdbcConnectionStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new TokenVault(VaultKeyRing.parse(TestInfrastructureInitializer.TEST_VAULT_KEYS, null)),
                Clock.systemUTC(), new JdkIdGenerator()), user);
        client = new SameKeyRetryingClient(edge::baseUrl, user, DevTokens.mint(SECRET, user, Duration.ofHours(1)));
        deliveries = new VendorDeliveries(fakes, exports);
        lag = new ConsumerGroupLag(broker.bootstrapServers(), List.copyOf(EXPORTS_PER_PROVIDER.keySet()));
        senders = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (senders != null) {
            senders.shutdownNow();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {edge, consumer, lag, broker, fakes}) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (table != null) {
            table.note("Whole class: %d s; JVM starts: api-edge %d, export-consumer %d.".formatted(
                    (System.nanoTime() - classStarted) / 1_000_000_000, edge.starts(), consumer.starts()));
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyExportIsDeliveredOnceWhateverStepFails(Fault fault) throws Exception {
        startAsNeeded(fault);
        String row = "%02d".formatted(++rows);
        List<PlannedExport> plan = plan(row);
        CountDownLatch slackAnswer = fault.failpoint() == null ? fakes.slack.holdNextAnswer("chat.postMessage") : null;

        long sendStart = System.nanoTime();
        List<Future<Sent>> sending = plan.stream()
                .map(export -> senders.submit(() -> client.send(export, Duration.ofSeconds(120))))
                .toList();
        String recovery = injectAndRecover(fault, plan, slackAnswer, sendStart);
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> future : sending) {
            sent.add(future.get(150, TimeUnit.SECONDS));
        }
        List<UUID> accepted = sent.stream().filter(Sent::accepted).map(Sent::exportId).toList();

        boolean settled = awaitQuietly(Duration.ofSeconds(120), () -> terminal(accepted) == accepted.size()
                && outboxEmpty(accepted) && lag.total() == 0);
        long settledAfter = (System.nanoTime() - sendStart) / 1_000_000;
        Tally tally = Tally.of(sent);
        measured.put(fault, tally);
        table.add(new FaultMatrixTable.Row(fault.toString(), describeExports(), describeRetries(sent),
                tally.describeDeliveries(), tally.lost(), tally.duplicated(), tally.nonTerminal(),
                recovery + "; " + (settled ? "all terminal and the pipeline idle " + seconds(settledAfter)
                        + " after the first request" : "NOT settled within 120 s")
                        + (fault.target() == Deployable.API_EDGE ? "; requests the outbox sent again: " + resentByOutbox()
                                : "; exports claimed again: " + claimedMoreThanOnce(accepted))));

        assertThat(sent).as("every request accepted (202) after same-key retries: %s", sent)
                .allMatch(Sent::accepted);
        assertThat(sent).as("every 202 names the export of the first try (user + key)")
                .allMatch(Sent::mapsToTheFirstTry);
        assertThat(tally.nonTerminal()).as("non-terminal exports: %s", tally.statuses()).isZero();
        assertThat(tally.mustArriveOnce()).as("deliveries per export (folder, Slack, Notion): %s",
                tally.delivered()).allSatisfy(s -> assertThat(tally.delivered().get(s.exportId()))
                .as(s.export().toString()).isEqualTo(1));
        assertThat(accepted).as("SUCCEEDED, with one SUCCEEDED history row: %s, %s", tally.statuses(),
                tally.succeededRows()).allSatisfy(id -> {
                    assertThat(tally.statuses().get(id)).isEqualTo("SUCCEEDED");
                    assertThat(tally.succeededRows().getOrDefault(id, 0)).isEqualTo(1);
                });
        assertThat(settled).as("every export terminal, the outbox empty and no consumer lag within 120 s").isTrue();
        if (fault.isAt("edge-before-commit", "edge-after-commit", "edge-before-answer")) {
            assertThat(sent).as("the request that reached the failpoint got no answer and was sent again")
                    .anyMatch(s -> s.retries() > 0);
        }
        if (fault.isAt("edge-after-commit", "edge-after-publish-ack")) {
            assertThat(resentByOutbox()).as("committed requests the halted process had not seen acknowledged, sent "
                    + "again by the restarted one's relay").isPositive();
        }
        if (fault.failpoint() == null) {
            // the held post was in flight when the process died: the next process must have taken that export over
            assertThat(claimedMoreThanOnce(sent.stream().filter(s -> s.export().provider().equals("slack"))
                    .map(Sent::exportId).toList())).as("Slack exports claimed by the killed process and again")
                    .isPositive();
        }
    }

    /** Deliveries that came after a row was counted would be duplicates too: every row is counted again at the end. */
    @Order(2)
    @Test
    void noExportWasDeliveredAgainAfterItsRowWasCounted() {
        assertThat(measured).as("rows measured").isNotEmpty();
        Map<UUID, Integer> before = new LinkedHashMap<>();
        Map<UUID, Integer> now = new LinkedHashMap<>();
        measured.values().forEach(row -> row.sent().stream().filter(Sent::accepted).forEach(s -> {
            before.put(s.exportId(), row.delivered().get(s.exportId()));
            now.put(s.exportId(), deliveries.count(s.export(), s.exportId()));
        }));
        assertThat(now).isEqualTo(before);
    }

    private static void prepare(ExtractedJar jar, Map<String, Object> settings, Path logs, String name) {
        try {
            jar.prepare(settings, logs, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the fault happen and the pipeline recover from it: a halted deployable is restarted without the failpoint
     * (clients go on retrying meanwhile); for the SIGKILL row, export-consumer is killed once Slack has the message
     * and its answer is held, then started again.
     */
    private static String injectAndRecover(Fault fault, List<PlannedExport> plan, CountDownLatch slackAnswer,
            long sendStart) throws Exception {
        DeployableJar target = fault.target() == Deployable.API_EDGE ? edge : consumer;
        if (fault.failpoint() == null) {
            List<String> channels = plan.stream().filter(e -> e.provider().equals("slack"))
                    .map(PlannedExport::destination).toList();
            await("a Slack post whose answer is held").atMost(Duration.ofSeconds(90))
                    .until(() -> channels.stream().mapToInt(fakes.slack::messagesIn).sum() >= 1);
            consumer.kill();
            slackAnswer.countDown();
            long killedAt = System.nanoTime();
            consumer.start(Map.of());
            return "SIGKILLed %s after the first request, while Slack held its answer to a post; started again"
                    .formatted(seconds((killedAt - sendStart) / 1_000_000));
        }
        String reached = "Failpoint " + fault.failpoint() + " reached";
        if (fault.halts()) {
            int exit = target.awaitExit(Duration.ofSeconds(90));
            long haltedAt = System.nanoTime();
            assertThat(target.linesContaining(reached).size()).as("%s halted at the failpoint (log %s)", target,
                    target.log()).isEqualTo(1);
            assertThat(exit).as("exit code").isEqualTo(DeployableJar.HALTED);
            target.start(Map.of());
            if (target == edge) {
                // how long clients went unanswered is part of the row's story
                edge.awaitReady(Duration.ofSeconds(90));
            }
            return "halted (exit %d) %s after the first request; restarted without the failpoint%s".formatted(exit,
                    seconds((haltedAt - sendStart) / 1_000_000),
                    target == edge ? ", answering again " + seconds((System.nanoTime() - haltedAt) / 1_000_000)
                            + " later" : "");
        }
        Path log = target.log();
        await(reached + " three times").atMost(Duration.ofSeconds(90))
                .until(() -> target.linesContaining(reached).size() >= 3);
        return "3 injected failures (log %s), retried in place; process kept".formatted(log.getFileName());
    }

    /** Starts, or stops and starts, what the fault needs: the target with its failpoint, the other one clean. */
    private static void startAsNeeded(Fault fault) throws Exception {
        long begin = System.nanoTime();
        for (DeployableJar deployable : List.of(edge, consumer)) {
            Map<String, String> armed = fault.armedOn(deployable == edge ? Deployable.API_EDGE
                    : Deployable.EXPORT_CONSUMER);
            if (!deployable.runningWith(armed)) {
                // the last row ended idle (outbox empty, every offset committed), so a kill loses nothing and the
                // next process reads nothing again; its consumers are gone from their groups after the session
                // timeout, which passes while the next process starts
                deployable.kill();
                deployable.start(armed);
            }
        }
        edge.awaitReady(Duration.ofSeconds(120));
        consumer.awaitReady(Duration.ofSeconds(120));
        System.out.printf("%s: ready after %d ms%n", fault, (System.nanoTime() - begin) / 1_000_000);
    }

    /** The row's exports, each to a destination of its own and with its own Idempotency-Key. */
    private static List<PlannedExport> plan(String row) {
        List<PlannedExport> plan = new ArrayList<>();
        EXPORTS_PER_PROVIDER.forEach((provider, count) -> {
            for (int i = 1; i <= count; i++) {
                String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
                String destination = switch (provider) {
                    case "folder" -> "matrix/row-" + row + "-" + i;
                    case "slack" -> "C" + unique.substring(0, 10);
                    case "notion" -> UUID.randomUUID().toString();
                    case "gmail" -> "row-" + row + "-" + unique.substring(0, 6).toLowerCase() + "@example.com";
                    default -> throw new IllegalArgumentException(provider);
                };
                String title = "Matrix row %s %s %d".formatted(row, provider, i);
                plan.add(new PlannedExport(provider, destination, title, "Report of " + title + ": all good.\n",
                        "matrix-" + row + "-" + provider + "-" + i + "-" + unique, UUID.randomUUID()));
            }
        });
        return plan;
    }

    private static boolean awaitQuietly(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static int terminal(List<UUID> ids) {
        return (int) statuses(ids).values().stream().filter(TERMINAL::contains).count();
    }

    private static Map<UUID, String> statuses(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> statuses = new HashMap<>();
        jdbc.sql("select export_id, status from export_status where export_id in (:ids)").param("ids", ids)
                .query((rs, n) -> statuses.put(rs.getObject("export_id", UUID.class), rs.getString("status")))
                .list();
        return statuses;
    }

    private static Map<UUID, Integer> succeededLogRows(List<UUID> ids) {
        Map<UUID, Integer> rows = new HashMap<>();
        jdbc.sql("""
                        select export_id, count(*) as n from export_log
                         where status = 'SUCCEEDED' and export_id in (:ids) group by export_id""")
                .param("ids", ids)
                .query((rs, n) -> rows.put(rs.getObject("export_id", UUID.class), rs.getInt("n")))
                .list();
        return rows;
    }

    /** No request of these exports is waiting in api-edge's outbox to be sent (again). */
    private static boolean outboxEmpty(List<UUID> ids) {
        return ids.isEmpty() || jdbc.sql("""
                        select count(*) from event_outbox where cast(payload as jsonb) ->> 'exportId' in (:ids)""")
                .param("ids", ids.stream().map(UUID::toString).toList())
                .query(Integer.class).single() == 0;
    }

    /** What the running api-edge's relay sent again because no acknowledgement was recorded for it. */
    private static int resentByOutbox() {
        Pattern sent = Pattern.compile("Outbox: sent (\\d+) event");
        return edge.linesContaining("Outbox: sent ").stream().map(sent::matcher).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
    }

    private static int claimedMoreThanOnce(List<UUID> ids) {
        return jdbc.sql("select count(*) from export_delivery where export_id in (:ids) and claims > 1")
                .param("ids", ids).query(Integer.class).single();
    }

    private static String describeExports() {
        int total = EXPORTS_PER_PROVIDER.values().stream().mapToInt(Integer::intValue).sum();
        return total + " (" + EXPORTS_PER_PROVIDER.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + ")";
    }

    private static String describeRetries(List<Sent> sent) {
        List<Sent> retried = sent.stream().filter(s -> s.retries() > 0).toList();
        if (retried.isEmpty()) {
            return "0";
        }
        long mapped = retried.stream().filter(s -> s.accepted() && s.mapsToTheFirstTry()).count();
        return "%d requests retried %d times; %d/%d got the original export".formatted(retried.size(),
                retried.stream().mapToInt(Sent::retries).sum(), mapped, retried.size());
    }

    private static String seconds(long millis) {
        return "%.1f s".formatted(millis / 1000.0);
    }

    private static Map<String, Integer> exportsPerProvider() {
        Map<String, Integer> perProvider = new LinkedHashMap<>();
        perProvider.put("folder", 2);
        perProvider.put("slack", 2);
        perProvider.put("notion", 2);
        perProvider.put("gmail", 1);
        return perProvider;
    }
}
