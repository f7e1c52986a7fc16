package com.yarnnn.export.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to run, from {@code --name=value} arguments (see {@link #USAGE}).
 *
 * @param scenarios         which parts run: {@code raw}, {@code seed}, {@code folder}, {@code mcp}, {@code slack},
 *                          {@code slack-remote}, {@code growth} (stdio), {@code growth-remote}
 * @param seconds           how long each folder load run sends
 * @param warmUp            seconds of unmeasured load before the raw baseline and before the folder runs, the same
 *                          concurrency as measured: the JIT compiler is done before the clock starts
 * @param concurrency       requests in flight in the folder max-throughput run, and the raw baseline's concurrency
 * @param seedExports       exports made the seed's way (a fresh {@code npx -y} server each)
 * @param slackConnections  distinct Slack connections of the Zipf run
 * @param slackRate         offered exports/s of the Zipf run
 * @param slackSeconds      how long the Zipf run sends
 * @param zipfExponent      skew of the connections' share of exports
 * @param remoteConnections distinct Slack connections of the remote-transport Zipf run
 * @param remoteRates       offered exports/s of the remote-transport Zipf runs, one run each (the first is held to
 *                          issue 16's targets)
 * @param remoteSeconds     how long the remote-transport Zipf run sends
 * @param remoteLatencyMs   what the hosted Slack MCP double adds to every tool call before it answers
 * @param growthConnections connection counts of the cost-growth table (both transports)
 * @param growthRate        offered exports/s of each cost-growth step
 * @param growthSeconds     how long each cost-growth step sends
 * @param mcpSessions       exports in flight on each route of the MCP-vs-HTTP comparison: MCP sessions (one per
 *                          sender thread), and as many HTTP senders
 * @param mcpSeconds        how long each measured turn of a route sends
 * @param mcpRounds         turns of each route, alternating which goes first (HTTP MCP, MCP HTTP, …)
 * @param mcpWarmUp         seconds of unmeasured load on each route before the first turn
 * @param mcpProcessGuard   a Slack run stops sending once this many MCP servers are alive at once: without a
 *                          bounded pool every connection keeps its server, and 1,000 of them would not fit in memory
 * @param resultsDir        where the table, CSV and plots go
 */
record BenchOptions(Set<String> scenarios, int seconds, int warmUp, int concurrency, int seedExports,
        int slackConnections, double slackRate, int slackSeconds, double zipfExponent, int remoteConnections,
        List<Double> remoteRates, int remoteSeconds, int remoteLatencyMs, List<Integer> growthConnections,
        double growthRate, int growthSeconds, int mcpSessions, int mcpSeconds, int mcpRounds, int mcpWarmUp,
        int mcpProcessGuard, Path resultsDir) {

    static final String USAGE = """
            ./bench [--scenarios=raw,seed,folder,mcp,slack,slack-remote,growth,growth-remote] [--seconds=20]
                    [--warm-up=30] [--concurrency=8]
                    [--seed-exports=5]
                    [--mcp-sessions=4] [--mcp-seconds=6] [--mcp-rounds=2] [--mcp-warm-up=10]
                    [--slack-connections=1000] [--slack-rate=20] [--slack-seconds=30] [--zipf-exponent=1.0]
                    [--remote-connections=10000] [--remote-rates=50] [--remote-seconds=30] [--remote-latency-ms=30]
                    [--growth-connections=1,100,10000] [--growth-rate=10] [--growth-seconds=10]
                    [--mcp-process-guard=100] [--results=infra/bench/results]""";

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'. Usage:\n" + USAGE);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchOptions options = new BenchOptions(
                new LinkedHashSet<>(list(given.remove("scenarios"),
                        "raw,seed,folder,mcp,slack,slack-remote,growth,growth-remote")),
                integer(given.remove("seconds"), 20),
                integer(given.remove("warm-up"), 30),
                integer(given.remove("concurrency"), 8),
                integer(given.remove("seed-exports"), 5),
                integer(given.remove("slack-connections"), 1000),
                decimal(given.remove("slack-rate"), 20),
                integer(given.remove("slack-seconds"), 30),
                decimal(given.remove("zipf-exponent"), 1.0),
                integer(given.remove("remote-connections"), 10_000),
                list(given.remove("remote-rates"), "50").stream().map(Double::parseDouble).toList(),
                integer(given.remove("remote-seconds"), 30),
                integer(given.remove("remote-latency-ms"), 30),
                list(given.remove("growth-connections"), "1,100,10000").stream().map(Integer::parseInt).toList(),
                decimal(given.remove("growth-rate"), 10),
                integer(given.remove("growth-seconds"), 10),
                integer(given.remove("mcp-sessions"), 4),
                integer(given.remove("mcp-seconds"), 6),
                integer(given.remove("mcp-rounds"), 2),
                integer(given.remove("mcp-warm-up"), 10),
                integer(given.remove("mcp-process-guard"), 100),
                Path.of(given.getOrDefault("results", "infra/bench/results")).toAbsolutePath().normalize());
        given.remove("results");
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + given.keySet() + ". Usage:\n" + USAGE);
        }
        return options;
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static List<String> list(String value, String fallback) {
        return Arrays.stream((value != null ? value : fallback).split(",")).map(String::strip).toList();
    }

    private static int integer(String value, int fallback) {
        return value != null ? Integer.parseInt(value) : fallback;
    }

    private static double decimal(String value, double fallback) {
        return value != null ? Double.parseDouble(value) : fallback;
    }
}
