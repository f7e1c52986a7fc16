package com.yarnnn.export.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The results as a markdown table with the ratios against the targets ({@code results.md}) and a CSV. */
final class BenchReport {

    private final List<BenchRow> rows = new ArrayList<>();
    private final List<RouteComparison.Result> comparisons = new ArrayList<>();
    private final BenchOptions options;

    BenchReport(BenchOptions options) {
        this.options = options;
    }

    void add(BenchRow row) {
        rows.add(row);
        System.out.println(BenchRow.markdownHeader().lines().findFirst().orElseThrow());
        System.out.println(row.markdown());
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
        return text.isEmpty() ? "" : "Targets:\n\n" + text;
    }

    private Optional<BenchRow> find(String scenario) {
        return rows.stream().filter(r -> r.scenario().equals(scenario)).findFirst();
    }

    static String line(String what, String measured, String target, boolean met) {
        return "- " + what + ": **" + measured + "** (target " + target + ": " + (met ? "met" : "not met") + ")\n";
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
