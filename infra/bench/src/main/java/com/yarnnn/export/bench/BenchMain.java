package com.yarnnn.export.bench;

import com.yarnnn.export.connector.connection.ConnectionStore;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark: the two baselines, then the local stack (embedded Kafka and PostgreSQL, the real MCP servers, a
 * local fake Slack API) driven over HTTP; writes {@code results.md}, {@code results.csv} and latency plots.
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
        if (options.runs("folder") || options.runs("mcp") || options.runs("slack") || options.runs("growth")) {
            onStack();
        }
        report.write(options.resultsDir());
        System.out.println("\n" + report.markdown() + "\nWritten to " + options.resultsDir());
    }

    private void onStack() throws IOException {
        String secret = DevTokens.randomSecret();
        try (Infrastructure infrastructure = Infrastructure.startLocal(System::getenv);
                FakeSlackApi slack = new FakeSlackApi(SLACK_TOKEN);
                LocalStack stack = LocalStack.start(stackProperties(infrastructure, secret, slack))) {
            LoadDriver driver = new LoadDriver(stack.baseUrl());
            ProjectionReader projection = new ProjectionReader(stack.edge().getBean(JdbcClient.class));
            PipelineRun runs = new PipelineRun(projection, new SessionMeters(
                    () -> stack.consumer().getBean(MeterRegistry.class)), options.resultsDir());
            ConnectionStore connections = stack.edge().getBean(ConnectionStore.class);
            SlackWorkspaces warmUp = SlackWorkspaces.connect(connections, secret, SLACK_TOKEN, 1, "W");
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
            if (options.runs("slack")) {
                SlackWorkspaces workspaces = SlackWorkspaces.connect(connections, secret, SLACK_TOKEN,
                        options.slackConnections(), "Z");
                int[] picks = zipf(options.slackConnections(), (int) Math.ceil(options.slackRate() * options.slackSeconds()));
                restartConsumer(stack, driver, projection, warmUp);
                report.add(runs.measure(new PipelineRun.Label("slack Zipf", "slack", workspaces.size(),
                        rate(options.slackRate()) + ", Zipf s=" + options.zipfExponent(), "latency-slack-zipf.png"),
                        sampler -> driver.openLoop(options.slackRate(), options.slackSeconds(),
                                n -> workspaces.call(picks[n], n), () -> sampler.liveServers() >= options.mcpProcessGuard())));
            }
            if (options.runs("growth")) {
                for (int count : options.growthConnections()) {
                    SlackWorkspaces workspaces = SlackWorkspaces.connect(connections, secret, SLACK_TOKEN, count,
                            "G" + count);
                    restartConsumer(stack, driver, projection, warmUp);
                    report.add(runs.measure(new PipelineRun.Label("cost growth", "slack", count,
                            rate(options.growthRate()) + ", round robin", null),
                            sampler -> driver.openLoop(options.growthRate(), options.growthSeconds(),
                                    n -> workspaces.call(n % count, n),
                                    () -> sampler.liveServers() >= options.mcpProcessGuard())));
                }
            }
        }
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

    /**
     * A fresh export-consumer, so a run starts with no MCP server alive and its own meters; one Slack export through a
     * connection of its own waits until the new consumer has its partitions.
     */
    private static void restartConsumer(LocalStack stack, LoadDriver driver, ProjectionReader projection,
            SlackWorkspaces warmUp) {
        stack.stopConsumer();
        stack.startConsumer();
        projection.awaitTerminal(driver.openLoop(1, 1, n -> warmUp.call(0, n), () -> false).accepted(),
                Duration.ofSeconds(120));
    }

    private int[] zipf(int connections, int exports) {
        SharedStateDiscreteSampler sampler = RejectionInversionZipfSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(ZIPF_SEED), connections,
                options.zipfExponent());
        return sampler.samples(exports).map(k -> k - 1).toArray();
    }

    private Map<String, Object> stackProperties(Infrastructure infrastructure, String secret, FakeSlackApi slack) {
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
