package com.yarnnn.export.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/** The results as a markdown table with the ratios against the targets ({@code results.md}) and a CSV. */
final class BenchReport {

    private final List<BenchRow> rows = new ArrayList<>();
    private final List<RouteComparison.Result> comparisons = new ArrayList<>();
    private final Map<BenchRow, RemoteRun> remote = new LinkedHashMap<>();
    private final BenchOptions options;

    BenchReport(BenchOptions options) {
        this.options = options;
    }

    void add(BenchRow row) {
        rows.add(row);
        System.out.println(BenchRow.markdownHeader().lines().findFirst().orElseThrow());
        System.out.println(row.markdown());
    }

    /** A run on the remote transport, with its client figures. */
    void add(BenchRow row, RemoteRun run) {
        add(row);
        remote.put(row, run);
        System.out.println(RemoteRun.MARKDOWN_HEADER.lines().findFirst().orElseThrow());
        System.out.println(run.markdown(row));
    }

    void add(RouteComparison.Result comparison) {
        comparisons.add(comparison);
        System.out.println(comparison.markdown());
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(System.getProperty("java.version")).append(", JVM max heap ")
                .append(Runtime.getRuntime().maxMemory() / 1048576).append(" MB; arguments: ")
                .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList()))
                .append("; options: ").append(options).append("\n\n");
        text.append(BenchRow.markdownHeader()).append('\n');
        rows.forEach(row -> text.append(row.markdown()).append('\n'));
        text.append("\nCPU per succeeded export (ms), by part of the stack, over each measured run:\n\n")
                .append(BenchRow.cpuMarkdownHeader()).append('\n');
        rows.stream().filter(row -> !row.cpuMillis().isEmpty())
                .forEach(row -> text.append(row.cpuMarkdown()).append('\n'));
        if (!remote.isEmpty()) {
            text.append("\nThe remote transport's runs: clients of export-consumer and what the hosted Slack MCP double "
                    + "saw (the double runs in this JVM too):\n\n").append(RemoteRun.MARKDOWN_HEADER).append('\n');
            remote.forEach((row, run) -> text.append(run.markdown(row)).append('\n'));
        }
        comparisons.forEach(comparison -> text.append('\n').append(comparison.markdown()));
        text.append('\n').append(ratios());
        return text.toString();
    }

    void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.md"), markdown());
            List<String> csv = new ArrayList<>(List.of(BenchRow.CSV_HEADER));
            rows.forEach(row -> csv.add(row.csv()));
            Files.write(dir.resolve("results.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the results into " + dir, e);
        }
    }

    private String ratios() {
        Optional<BenchRow> raw = find("raw MCP limit");
        Optional<BenchRow> seed = find("seed design");
        Optional<BenchRow> max = find("folder max");
        Optional<BenchRow> half = find("folder half rate");
        StringBuilder text = new StringBuilder();
        if (max.isPresent() && raw.isPresent()) {
            double ratio = max.get().completedPerSecond() / raw.get().completedPerSecond();
            text.append(line("folder max completed/s vs the raw MCP limit", percent(ratio), "≥ 70 %", ratio >= 0.70));
        }
        if (max.isPresent() && seed.isPresent()) {
            double ratio = max.get().completedPerSecond() / seed.get().completedPerSecond();
            text.append(line("folder max completed/s vs the seed design", String.format(Locale.ROOT, "%.0f×", ratio),
                    "≥ 300×", ratio >= 300));
        }
        half.ifPresent(row -> {
            text.append(line("half rate p50 accepted→SUCCEEDED", ms(row.latency().p50()), "≤ 15 ms",
                    row.latency().p50() <= 15));
            text.append(line("half rate p99 accepted→SUCCEEDED", ms(row.latency().p99()), "≤ 60 ms",
                    row.latency().p99() <= 60));
        });
        remote.entrySet().stream().filter(e -> e.getKey().scenario().equals("slack remote Zipf")).findFirst()
                .ifPresent(e -> text.append(remoteTargets(e.getKey(), e.getValue())));
        return text.isEmpty() ? "" : "Targets:\n\n" + text;
    }

    /** Issue 16's targets for the remote transport at 10,000 connections. */
    private static String remoteTargets(BenchRow row, RemoteRun run) {
        double completed = (double) row.succeeded() / run.offered();
        return line("remote: succeeded of offered", percent(completed) + " (" + row.succeeded() + " of "
                + run.offered() + ")", "≥ 99 %", completed >= 0.99)
                + line("remote: p99 accepted→SUCCEEDED", ms(row.latency().p99()), "≤ 250 ms",
                        row.latency().p99() <= 250)
                + line("remote: RSS peak of the JVM (the whole stack and the double)",
                        Math.round(row.resources().jvmRssMb()) + " MB", "≤ 1024 MB", row.resources().jvmRssMb() <= 1024)
                + line("remote: child processes alive at once", String.valueOf(row.resources().childrenMax()), "0",
                        row.resources().childrenMax() == 0)
                + line("remote: exports not succeeded (any error, a missing session included)",
                        String.valueOf(row.notSucceeded()), "0", row.notSucceeded() == 0);
    }

    private Optional<BenchRow> find(String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    static String line(String what, String measured, String target, boolean met) {
        return "- " + what + ": **" + measured + "** (target " + target + ": " + (met ? "met" : "not met") + ")\n";
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
