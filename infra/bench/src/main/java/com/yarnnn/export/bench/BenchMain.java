package com.yarnnn.export.bench;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.localstack.DevTokens;
import com.yarnnn.export.localstack.DevVaultKeys;
import com.yarnnn.export.localstack.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark: the two baselines, then the local stack (embedded Kafka and PostgreSQL, the real MCP servers, a
 * local fake Slack API, the hosted Slack MCP double for the remote transport) driven over HTTP; writes
 * {@code results.md}, {@code results.csv} and latency plots.
 */
public final class BenchMain {

    private static final String FOLDER_ENTRY = "node_modules/@modelcontextprotocol/server-filesystem/dist/index.js";
    private static final String SLACK_TOKEN = "xoxb-bench-" + UUID.randomUUID();
    private static final long ZIPF_SEED = 20_261_125L;

    private final BenchOptions options;
    private final Path serversDir;
    private final Path exportRoot;
    private final BenchReport report;

    private BenchMain(BenchOptions options, Path serversDir, Path exportRoot) {
        this.options = options;
        this.serversDir = serversDir;
        this.exportRoot = exportRoot;
        this.report = new BenchReport(options);
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        Path serversDir = Path.of(System.getenv().getOrDefault("YARNNN_MCP_DIR", "infra/mcp-servers"))
                .toAbsolutePath().normalize();
        Path exportRoot = Path.of("infra/bench/target/exports").toAbsolutePath().normalize();
        deleteTree(exportRoot);
        Files.createDirectories(exportRoot);
        Files.createDirectories(options.resultsDir());
        new BenchMain(options, serversDir, exportRoot).run();
        System.exit(0);
    }

    private void run() throws IOException {
        if (options.runs("raw")) {
            report.add(RawMcpBaseline.run(serversDir, FOLDER_ENTRY, exportRoot, options.concurrency(), options.seconds(),
                    options.warmUp()));
            report.add(RawMcpBaseline.run(serversDir, FOLDER_ENTRY, exportRoot, 1, options.seconds(), options.warmUp()));
        }
        if (options.runs("seed")) {
            report.add(SeedBaseline.run(serversDir, exportRoot, options.seedExports()));
        }
        if (Stream.of("folder", "mcp", "slack", "slack-remote", "growth", "growth-remote").anyMatch(options::runs)) {
            onStack();
        }
        report.write(options.resultsDir());
        System.out.println("\n" + report.markdown() + "\nWritten to " + options.resultsDir());
    }

    private void onStack() throws IOException {
        String secret = DevTokens.randomSecret();
        try (Infrastructure infrastructure = Infrastructure.startLocal(System::getenv);
                FakeSlackApi slack = new FakeSlackApi(SLACK_TOKEN);
                HostedSlackMcp hosted = HostedSlackMcp.start();
                LocalStack stack = LocalStack.start(stackProperties(infrastructure, secret, slack, hosted))) {
            hosted.faults().latency(Duration.ofMillis(options.remoteLatencyMs()));
            LoadDriver driver = new LoadDriver(stack.baseUrl());
            ProjectionReader projection = new ProjectionReader(stack.edge().getBean(JdbcClient.class));
            PipelineRun runs = new PipelineRun(projection, new SessionMeters(
                    () -> stack.consumer().getBean(MeterRegistry.class)), options.resultsDir());
            ConnectionStore connections = stack.edge().getBean(ConnectionStore.class);
            TransactionTemplate transactions = new TransactionTemplate(
                    stack.edge().getBean(PlatformTransactionManager.class));
            SlackWorkspaces warmUp = SlackWorkspaces.connect(connections, transactions, secret, SLACK_TOKEN, 1, "W");
            SlackWorkspaces.register(hosted, warmUp.get(0));
            SlackRuns slackRuns = new SlackRuns(stack, driver, projection, runs, warmUp,
                    options.mcpProcessGuard());
            if (options.runs("folder") || options.runs("mcp")) {
                try (OutcomeWatcher outcomes = new OutcomeWatcher(infrastructure.kafka().bootstrapServers())) {
                    if (options.runs("folder")) {
                        folder(driver, projection, runs, outcomes,
                                DevTokens.mint(secret, UUID.randomUUID(), Duration.ofHours(6)));
                    }
                    if (options.runs("mcp")) {
                        report.add(RouteComparison.run(options, stack.baseUrl(), secret, driver, runs, projection,
                                outcomes, report::add));
                    }
                }
            }
            // the remote runs go first: a JVM's RSS seldom shrinks, and theirs is measured against a target; and a
            // stdio run that has not drained when the bench stops waiting leaves exports a later run would deliver
            if (options.runs("slack-remote")) {
                SlackWorkspaces workspaces = SlackWorkspaces.connectHosted(connections, transactions, secret, hosted,
                        options.remoteConnections(), "R");
                List<Double> rates = options.remoteRates();
                for (int i = 0; i < rates.size(); i++) {
                    double perSecond = rates.get(i);
                    SlackRuns.Measured remote = slackRuns.remote(hosted, new PipelineRun.Label("slack remote Zipf",
                            "slack remote", workspaces.size(), rate(perSecond) + ", Zipf s=" + options.zipfExponent()
                                    + ", " + options.remoteLatencyMs() + " ms per tool call",
                            "latency-slack-remote-zipf-" + rate(perSecond).replace("/s", "") + ".png"),
                            (int) Math.round(perSecond * options.remoteSeconds()),
                            zipfLoad(workspaces, perSecond, options.remoteSeconds(),
                                    i * workspaces.size() / rates.size()));
                    report.add(remote.row(), remote.remote());
                }
            }
            if (options.runs("growth-remote")) {
                for (int count : options.growthConnections()) {
                    SlackWorkspaces workspaces = SlackWorkspaces.connectHosted(connections, transactions, secret,
                            hosted, count, "H" + count);
                    SlackRuns.Measured remote = slackRuns.remote(hosted, growthLabel("slack remote", count),
                            (int) Math.round(options.growthRate() * options.growthSeconds()), roundRobin(workspaces));
                    report.add(remote.row(), remote.remote());
                }
            }
            if (options.runs("slack")) {
                SlackWorkspaces workspaces = SlackWorkspaces.connect(connections, transactions, secret, SLACK_TOKEN,
                        options.slackConnections(), "Z");
                report.add(slackRuns.stdio(new PipelineRun.Label("slack Zipf", "slack stdio", workspaces.size(),
                        rate(options.slackRate()) + ", Zipf s=" + options.zipfExponent(), "latency-slack-zipf.png"),
                        zipfLoad(workspaces, options.slackRate(), options.slackSeconds(), 0)));
            }
            if (options.runs("growth")) {
                for (int count : options.growthConnections()) {
                    SlackWorkspaces workspaces = SlackWorkspaces.connect(connections, transactions, secret,
                            SLACK_TOKEN, count, "G" + count);
                    report.add(slackRuns.stdio(growthLabel("slack stdio", count), roundRobin(workspaces)));
                }
            }
        }
    }

    private PipelineRun.Label growthLabel(String provider, int connections) {
        return new PipelineRun.Label("cost growth", provider, connections, rate(options.growthRate()) + ", round robin",
                null);
    }

    /**
     * Open loop at {@code rate} for {@code seconds}, each export through a connection drawn Zipf; the most drawn is
     * connection {@code first} (another run on the same connections starts elsewhere, with their rate budgets full).
     */
    private SlackRuns.Load zipfLoad(SlackWorkspaces workspaces, double rate, int seconds, int first) {
        int[] picks = zipf(workspaces.size(), (int) Math.ceil(rate * seconds));
        return (driver, guard) -> driver.openLoop(rate, seconds,
                n -> workspaces.call((picks[n] + first) % workspaces.size(), n), guard);
    }

    /** The cost-growth load: the connections in turn. */
    private SlackRuns.Load roundRobin(SlackWorkspaces workspaces) {
        return (driver, guard) -> driver.openLoop(options.growthRate(), options.growthSeconds(),
                n -> workspaces.call(n % workspaces.size(), n), guard);
    }

    /**
     * The most one user's folder exports reach with as many in flight end to end as the raw baseline has calls in
     * flight, then half that rate, open loop; both after the same warm-up as the raw baseline's.
     */
    private void folder(LoadDriver driver, ProjectionReader projection, PipelineRun runs, OutcomeWatcher outcomes,
            String token) {
        ExportCall call = new ExportCall(token, "folder", "bench");
        projection.awaitTerminal(driver.closedLoop(options.concurrency(), options.warmUp(), n -> call,
                outcomes::terminal).accepted(), Duration.ofSeconds(60));
        BenchRow max = runs.measure(new PipelineRun.Label("folder max", "folder", 1,
                options.concurrency() + " in flight", "latency-folder-max.png"),
                sampler -> driver.closedLoop(options.concurrency(), options.seconds(), n -> call, outcomes::terminal));
        report.add(max);
        double half = Math.max(1, Math.round(max.completedPerSecond() / 2 * 10) / 10.0);
        report.add(runs.measure(new PipelineRun.Label("folder half rate", "folder", 1, rate(half),
                "latency-folder-half.png"), sampler -> driver.openLoop(half, options.seconds(), n -> call, () -> false)));
    }

    private int[] zipf(int connections, int exports) {
        SharedStateDiscreteSampler sampler = RejectionInversionZipfSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(ZIPF_SEED), connections,
                options.zipfExponent());
        return sampler.samples(exports).map(k -> k - 1).toArray();
    }

    private Map<String, Object> stackProperties(Infrastructure infrastructure, String secret, FakeSlackApi slack,
            HostedSlackMcp hosted) {
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties());
        properties.put("yarnnn.auth.jwt-secret", secret);
        properties.put("yarnnn.vault.keys", DevVaultKeys.random());
        properties.put("yarnnn.mcp.servers-dir", serversDir.toString());
        properties.put("yarnnn.providers.folder.root", exportRoot.toString());
        // each user's MCP tool-call budget (120 a minute by default) would hold the MCP route at 2 exports/s
        properties.put("yarnnn.mcp-endpoint.calls-per-minute", "1000000");
        properties.put("yarnnn.mcp.servers.slack.env.NODE_OPTIONS",
                "--import=" + serversDir.resolve("slack-fetch-redirect.mjs"));
        properties.put("yarnnn.mcp.servers.slack.env.SLACK_API_BASE_URL", slack.baseUrl());
        // the transport stays stdio (the default) until a remote run restarts export-consumer with it
        properties.put("yarnnn.mcp.remote.servers.slack.url", hosted.url());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.com.yarnnn", "WARN");
        return properties;
    }

    private static String rate(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond)) + "/s";
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + root, e);
        }
    }
}
