package com.yarnnn.export.deploy;

import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the deployables register: the project's own, found in its main sources
 * ({@code Counter.builder("…")}, {@code Timer.builder("…")}, {@code registry.gauge("…")}), and the libraries' meters
 * the alerts use.
 */
final class ExposedMetrics {

    /** Kafka's consumer lag as Micrometer's KafkaClientMetrics names it; export-consumer's PrometheusScrapeTest reads it. */
    static final String CONSUMER_LAG = "kafka_consumer_fetch_manager_records_lag_max";

    private static final Pattern METER = Pattern.compile(
            "(Counter|Timer|Gauge)\\.builder\\(\"([a-z0-9._]+)\"|\\.gauge\\(\"([a-z0-9._]+)\"");

    private ExposedMetrics() {
    }

    static Set<String> of(Path root) {
        Set<String> names = new TreeSet<>();
        names.add(CONSUMER_LAG);
        names.add(prometheusName(CircuitBreakerMetricNames.ofDefaults().getStateMetricName()));
        try (Stream<Path> sources = Files.walk(root)) {
            sources.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/node_modules/"))
                    .forEach(file -> {
                        Matcher meter = METER.matcher(read(file));
                        while (meter.find()) {
                            if (meter.group(3) != null) {
                                names.add(prometheusName(meter.group(3)));
                            } else if (meter.group(1).equals("Counter")) {
                                names.add(prometheusName(meter.group(2)) + "_total");
                            } else if (meter.group(1).equals("Timer")) {
                                String base = prometheusName(meter.group(2)) + "_seconds";
                                Stream.of("_count", "_sum", "_max", "_bucket").forEach(suffix -> names.add(base + suffix));
                            } else {
                                names.add(prometheusName(meter.group(2)));
                            }
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String prometheusName(String meter) {
        return meter.replace('.', '_');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
