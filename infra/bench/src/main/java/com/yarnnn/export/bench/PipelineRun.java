package com.yarnnn.export.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Measures one load run of the local stack: sends (through the {@link LoadDriver}), waits until every accepted export
 * is terminal, reads the projection's timestamps, samples memory meanwhile, and plots the latencies.
 */
final class PipelineRun {

    /** What a run is called and how it is shown. */
    record Label(String scenario, String provider, int connections, String offered, String plotName) {
    }

    private final ProjectionReader projection;
    private final SessionMeters meters;
    private final Path resultsDir;

    PipelineRun(ProjectionReader projection, SessionMeters meters, Path resultsDir) {
        this.projection = projection;
        this.meters = meters;
        this.resultsDir = resultsDir;
    }

    BenchRow measure(Label label, Function<ResourceSampler, LoadDriver.Sent> load) {
        Optional<SessionMeters.Reading> before = meters.read();
        LoadDriver.Sent sent;
        List<ExportTiming> timings;
        ResourceSampler.Peaks peaks;
        Map<String, Double> cpu;
        try (ResourceSampler sampler = ResourceSampler.start(); CpuAccount account = CpuAccount.start()) {
            sent = load.apply(sampler);
            timings = projection.awaitTerminal(sent.accepted(),
                    Duration.ofSeconds(Math.max(60, sent.accepted().size() / 5)));
            cpu = account.since();
            sampler.close();
            peaks = sampler.peaks();
        }
        List<ExportTiming> succeeded = timings.stream().filter(ExportTiming::succeeded).toList();
        Optional<SessionMeters.Reading> pool = meters.read().flatMap(after -> before.map(after::minus));
        double hitRate = pool.map(SessionMeters.Reading::hitRate)
                .orElse(succeeded.isEmpty() ? Double.NaN : Math.max(0, 1 - (double) peaks.mcpStarted() / succeeded.size()));
        if (label.plotName() != null) {
            LatencyPlot.write(resultsDir.resolve(label.plotName()), label.scenario() + " – " + label.offered(), timings);
        }
        return new BenchRow(label.scenario(), label.provider(), label.connections(), label.offered(),
                sent.accepted().size(), sent.acceptedPerSecond(), succeeded.size(),
                sent.accepted().size() - succeeded.size(), completedPerSecond(succeeded),
                Percentiles.of(succeeded.stream().map(ExportTiming::latencyMillis).toList()),
                Percentiles.of(succeeded.stream().map(ExportTiming::queuedMillis).toList()).p50(),
                Percentiles.of(succeeded.stream().map(ExportTiming::deliveringMillis).toList()).p50(), peaks, hitRate,
                cpu, note(sent, timings, pool.isPresent()));
    }

    /** Succeeded exports over the span from the first acceptance to the last completion. */
    private static double completedPerSecond(List<ExportTiming> succeeded) {
        if (succeeded.size() < 2) {
            return Double.NaN;
        }
        Instant first = succeeded.stream().map(ExportTiming::createdAt).min(Instant::compareTo).orElseThrow();
        Instant last = succeeded.stream().map(ExportTiming::completedAt).max(Instant::compareTo).orElseThrow();
        return succeeded.size() / (Duration.between(first, last).toNanos() / 1e9);
    }

    /** Answers other than 202, exports that did not succeed by state and error, and where the hit rate came from. */
    private static String note(LoadDriver.Sent sent, List<ExportTiming> timings, boolean poolMeters) {
        StringBuilder note = new StringBuilder();
        Map<Integer, Integer> refused = new TreeMap<>(sent.answers());
        refused.remove(202);
        if (!refused.isEmpty()) {
            note.append("refused ").append(refused).append("; ");
        }
        Map<String, Long> notSucceeded = timings.stream().filter(t -> !t.succeeded())
                .collect(Collectors.groupingBy(t -> t.status() + (t.errorCode() != null ? " " + t.errorCode() : ""),
                        TreeMap::new, Collectors.counting()));
        long missing = sent.accepted().size() - timings.size();
        if (missing > 0) {
            notSucceeded.put("no row", missing);
        }
        if (!notSucceeded.isEmpty()) {
            note.append("not succeeded ").append(notSucceeded).append("; ");
        }
        if (sent.stoppedByGuard()) {
            note.append("sending stopped by the MCP process guard; ");
        }
        note.append(poolMeters ? "hit rate from the pool's meters" : "hit rate = 1 − server starts / exports");
        return note.toString();
    }
}
