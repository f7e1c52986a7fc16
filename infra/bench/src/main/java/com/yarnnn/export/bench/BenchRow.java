package com.yarnnn.export.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the results: a load run of the pipeline or a baseline. Throughput counts succeeded exports over the
 * span from the first acceptance to the last completion; latencies are accepted→SUCCEEDED from the projection.
 * NaN marks a figure that does not apply.
 */
record BenchRow(String scenario, String provider, int connections, String offered, int accepted,
        double acceptedPerSecond, int succeeded, int notSucceeded, double completedPerSecond, Percentiles latency,
        double queuedP50, double deliveringP50, ResourceSampler.Peaks resources, double poolHitRate,
        Map<String, Double> cpuMillis, String note) {

    static final String CSV_HEADER = "scenario,provider,connections,offered,accepted,accepted_per_s,succeeded,"
            + "not_succeeded,completed_per_s,p50_ms,p95_ms,p99_ms,queued_p50_ms,delivering_p50_ms,heap_peak_mb,"
            + "jvm_rss_peak_mb,mcp_rss_peak_mb,total_rss_peak_mb,mcp_processes_started,mcp_processes_live_max,pool_hit_rate,note";

    /**
     * The same row with the remote transport's client hit rate (1 − MCP sessions initialized / tool calls) in place of
     * the stdio pool's, which a remote run does not use.
     */
    BenchRow withClientHitRate(double rate) {
        return new BenchRow(scenario, provider, connections, offered, accepted, acceptedPerSecond, succeeded,
                notSucceeded, completedPerSecond, latency, queuedP50, deliveringP50, resources, rate, cpuMillis,
                note.substring(0, note.lastIndexOf("hit rate"))
                        + "hit rate of the remote clients = 1 − MCP sessions initialized / tool calls");
    }

    String csv() {
        return String.join(",", scenario, provider, String.valueOf(connections), quoted(offered),
                String.valueOf(accepted), number(acceptedPerSecond), String.valueOf(succeeded),
                String.valueOf(notSucceeded), number(completedPerSecond), number(latency.p50()), number(latency.p95()),
                number(latency.p99()), number(queuedP50), number(deliveringP50), number(resources.heapMb()),
                number(resources.jvmRssMb()),
                number(resources.mcpRssMb()), number(resources.totalRssMb()), String.valueOf(resources.mcpStarted()),
                String.valueOf(resources.mcpLiveMax()), number(poolHitRate), quoted(note));
    }

    String markdown() {
        return "| " + String.join(" | ", scenario, provider, String.valueOf(connections), offered,
                accepted + " (" + oneDecimal(acceptedPerSecond) + "/s)", succeeded + " / " + notSucceeded,
                oneDecimal(completedPerSecond), oneDecimal(latency.p50()) + " / " + oneDecimal(latency.p95()) + " / "
                        + oneDecimal(latency.p99()),
                oneDecimal(queuedP50) + " / " + oneDecimal(deliveringP50),
                Math.round(resources.heapMb()) + "", Math.round(resources.jvmRssMb()) + " + "
                        + Math.round(resources.mcpRssMb()) + " = " + Math.round(resources.totalRssMb()),
                resources.mcpStarted() + " / " + resources.mcpLiveMax(),
                Double.isNaN(poolHitRate) ? "–" : Math.round(poolHitRate * 100) + " %", note) + " |";
    }

    /** CPU milliseconds per succeeded export, by part of the stack, then in all. */
    String cpuMarkdown() {
        List<String> cells = new ArrayList<>(List.of(scenario, provider, String.valueOf(connections), offered));
        CpuAccount.columns().forEach(part -> cells.add(oneDecimal(cpuMillis.getOrDefault(part, 0.0) / succeeded)));
        cells.add("**" + oneDecimal(cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum() / succeeded) + "**");
        return "| " + String.join(" | ", cells) + " |";
    }

    static String cpuMarkdownHeader() {
        List<String> columns = new ArrayList<>(List.of("run", "provider", "connections", "offered"));
        columns.addAll(CpuAccount.columns());
        columns.add("total");
        return "| " + String.join(" | ", columns) + " |\n" + "|---".repeat(columns.size()) + "|";
    }

    static String markdownHeader() {
        return """
                | run | provider | connections | offered | accepted | succeeded / not | completed/s | p50 / p95 / p99 ms | p50 queued / delivering ms | heap peak MB | RSS peak MB (JVM + MCP = total) | MCP processes started / live max | pool hit rate | note |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|""";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private static String oneDecimal(double value) {
        return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
