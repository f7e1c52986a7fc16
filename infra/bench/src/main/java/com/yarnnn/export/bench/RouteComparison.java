package com.yarnnn.export.bench;

import com.yarnnn.export.localstack.DevTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The same folder exports asked for through api-edge's MCP server and through its HTTP API, each route closed loop
 * with the same number of exports in flight end to end (a sender queues its next once the outcome of its last is on
 * {@code export.outcomes}): {@code export_deliverable} over the MCP Java SDK's Streamable HTTP client, one session per
 * sender thread, initialised before any clock starts, against {@code POST /api/integrations/export}. Same user,
 * destination and markdown. After an unmeasured warm-up of each, the routes take turns (HTTP MCP, then MCP HTTP, …),
 * so a drift in the machine's load weighs on both alike; each route's figures pool its turns.
 */
final class RouteComparison {

    static final String HTTP = "HTTP route";
    static final String MCP = "MCP route";

    private static final OperatingSystemMXBean LOAD = ManagementFactory.getOperatingSystemMXBean();

    /**
     * One route's figures over its turns: accepted calls' time to their answer, accepted→SUCCEEDED (the projection's
     * timestamps), succeeded exports per second of the turns' spans (first acceptance → last completion, as the other
     * runs count them), and CPU per succeeded export (the whole machine's, as in the CPU table).
     */
    record Figures(int succeeded, int notSucceeded, int refused, Percentiles call, Percentiles latency,
            double completedPerSecond, double cpuPerExport) {
    }

    /**
     * Both routes' figures and how they were measured; the machine's one-minute load average before the first turn
     * and after the last says how much else ran beside it.
     */
    record Result(int sessions, int rounds, int seconds, double loadBefore, double loadAfter, Figures http,
            Figures mcp) {

        double addedCallP50() {
            return mcp.call().p50() - http.call().p50();
        }

        double throughputRatio() {
            return mcp.completedPerSecond() / http.completedPerSecond();
        }

        String markdown() {
            StringBuilder text = new StringBuilder();
            text.append("MCP vs HTTP: folder exports, ").append(sessions).append(" in flight end to end on each route (")
                    .append(sessions).append(" MCP sessions / ").append(sessions).append(" HTTP senders), ")
                    .append(rounds).append(rounds == 1 ? " turn" : " turns").append(" of ").append(seconds)
                    .append(" s per route (load average ").append(String.format(Locale.ROOT, "%.1f → %.1f", loadBefore,
                            loadAfter)).append("):\n\n");
            text.append("| route | succeeded / not (refused) | call p50 / p95 ms | accepted→SUCCEEDED p50 / p95 ms "
                    + "| completed/s | CPU per export ms |\n|---|---|---|---|---|---|\n");
            text.append(row("HTTP `POST /api/integrations/export`", http));
            text.append(row("MCP `export_deliverable`", mcp));
            text.append("| MCP / HTTP | – | ").append(ratio(mcp.call().p50(), http.call().p50())).append(" / ")
                    .append(ratio(mcp.call().p95(), http.call().p95())).append(" | ")
                    .append(ratio(mcp.latency().p50(), http.latency().p50())).append(" / ")
                    .append(ratio(mcp.latency().p95(), http.latency().p95())).append(" | ")
                    .append(percent(throughputRatio())).append(" | ")
                    .append(ratio(mcp.cpuPerExport(), http.cpuPerExport())).append(" |\n\n");
            text.append(BenchReport.line("MCP call p50 over the HTTP call's", signedMs(addedCallP50()), "≤ +2 ms",
                    addedCallP50() <= 2));
            text.append(BenchReport.line("MCP completed/s vs the HTTP route's", percent(throughputRatio()), "≥ 90 %",
                    throughputRatio() >= 0.90));
            return text.toString();
        }

        private static String row(String route, Figures figures) {
            return "| " + String.join(" | ", route,
                    figures.succeeded() + " / " + figures.notSucceeded() + " (" + figures.refused() + ")",
                    oneDecimal(figures.call().p50()) + " / " + oneDecimal(figures.call().p95()),
                    oneDecimal(figures.latency().p50()) + " / " + oneDecimal(figures.latency().p95()),
                    oneDecimal(figures.completedPerSecond()), oneDecimal(figures.cpuPerExport())) + " |\n";
        }

        /** MCP's figure as a multiple of HTTP's, and the difference for times. */
        private static String ratio(double mcp, double http) {
            return String.format(Locale.ROOT, "%.2f× (%s)", mcp / http, signedMs(mcp - http));
        }

        private static String signedMs(double millis) {
            return String.format(Locale.ROOT, "%+.1f ms", millis);
        }

        private static String percent(double ratio) {
            return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
        }

        private static String oneDecimal(double value) {
            return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /** One measured turn of a route: its row in the main table and what was sent. */
    private record Turn(BenchRow row, LoadDriver.Sent sent) {
    }

    private RouteComparison() {
    }

    /** Runs the comparison on a running stack; every measured turn is also a row of the main table ({@code rows}). */
    static Result run(BenchOptions options, String baseUrl, String jwtSecret, LoadDriver driver, PipelineRun runs,
            ProjectionReader projection, OutcomeWatcher outcomes, Consumer<BenchRow> rows) {
        UUID user = UUID.randomUUID();
        ExportCall http = new ExportCall(DevTokens.mint(jwtSecret, user, Duration.ofHours(6)), "folder", "bench");
        String mcpToken = DevTokens.mintFor(jwtSecret, user, Duration.ofHours(6), McpSender.endpoint(baseUrl));
        ExportCall mcp = new ExportCall(mcpToken, "folder", "bench");
        int sessions = options.mcpSessions();
        List<McpSender> mcpSenders = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                mcpSenders.add(McpSender.connect(baseUrl, mcpToken));
            }
            Map<String, List<? extends LoadDriver.Sender>> senders = Map.of(
                    HTTP, Collections.nCopies(sessions, (LoadDriver.Sender) driver::post), MCP, mcpSenders);
            Map<String, ExportCall> calls = Map.of(HTTP, http, MCP, mcp);
            for (String route : List.of(HTTP, MCP)) {
                projection.awaitTerminal(driver.closedLoop(senders.get(route), options.mcpWarmUp(),
                        n -> calls.get(route), outcomes::terminal).accepted(), Duration.ofSeconds(60));
            }
            Map<String, List<Turn>> turns = Map.of(HTTP, new ArrayList<>(), MCP, new ArrayList<>());
            double loadBefore = LOAD.getSystemLoadAverage();
            for (int round = 0; round < options.mcpRounds(); round++) {
                for (String route : round % 2 == 0 ? List.of(HTTP, MCP) : List.of(MCP, HTTP)) {
                    LoadDriver.Sent[] sent = new LoadDriver.Sent[1];
                    BenchRow row = runs.measure(new PipelineRun.Label(route, "folder", 1,
                            sessions + " in flight, turn " + (round + 1), null),
                            sampler -> sent[0] = driver.closedLoop(senders.get(route), options.mcpSeconds(),
                                    n -> calls.get(route), outcomes::terminal));
                    rows.accept(row);
                    turns.get(route).add(new Turn(row, sent[0]));
                }
            }
            return new Result(sessions, options.mcpRounds(), options.mcpSeconds(), loadBefore,
                    LOAD.getSystemLoadAverage(), figures(turns.get(HTTP), projection), figures(turns.get(MCP), projection));
        } finally {
            mcpSenders.forEach(McpSender::close);
        }
    }

    private static Figures figures(List<Turn> turns, ProjectionReader projection) {
        List<UUID> accepted = turns.stream().flatMap(t -> t.sent().accepted().stream()).toList();
        List<ExportTiming> succeeded = projection.awaitTerminal(accepted, Duration.ofSeconds(60)).stream()
                .filter(ExportTiming::succeeded).toList();
        int refused = turns.stream().flatMap(t -> t.sent().answers().entrySet().stream())
                .filter(answer -> answer.getKey() != 202).mapToInt(Map.Entry::getValue).sum();
        double spanSeconds = turns.stream().mapToDouble(t -> t.row().succeeded() / t.row().completedPerSecond()).sum();
        double cpuMillis = turns.stream().flatMap(t -> t.row().cpuMillis().values().stream())
                .mapToDouble(Double::doubleValue).sum();
        return new Figures(succeeded.size(), accepted.size() - succeeded.size(), refused,
                Percentiles.of(turns.stream().flatMap(t -> t.sent().callMillis().stream()).toList()),
                Percentiles.of(succeeded.stream().map(ExportTiming::latencyMillis).toList()),
                succeeded.size() / spanSeconds, cpuMillis / succeeded.size());
    }
}
