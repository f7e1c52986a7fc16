package com.yarnnn.export.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Accepted→SUCCEEDED latency of every export of a load run against when it was accepted, as a PNG (XChart). */
final class LatencyPlot {

    private LatencyPlot() {
    }

    static void write(Path file, String title, List<ExportTiming> timings) {
        List<ExportTiming> done = timings.stream().filter(ExportTiming::succeeded)
                .sorted(Comparator.comparing(ExportTiming::createdAt)).toList();
        if (done.isEmpty()) {
            return;
        }
        Instant start = done.get(0).createdAt();
        XYChart chart = new XYChartBuilder().width(900).height(420).title(title)
                .xAxisTitle("accepted at (s since the run's first export)").yAxisTitle("accepted → SUCCEEDED (ms)")
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(done.stream().mapToDouble(ExportTiming::latencyMillis).max().orElse(1)
                > 20 * done.stream().mapToDouble(ExportTiming::latencyMillis).min().orElse(1));
        chart.addSeries("exports",
                done.stream().mapToDouble(t -> Duration.between(start, t.createdAt()).toNanos() / 1e9).toArray(),
                done.stream().mapToDouble(ExportTiming::latencyMillis).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
