package com.yarnnn.export.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The MCP session pool's meters in export-consumer's registry (the same meters its {@code /actuator/prometheus}
 * serves): {@code yarnnn.mcp.session.starts}, {@code yarnnn.mcp.session.acquisitions{result=hit|miss}},
 * {@code yarnnn.mcp.sessions.live}. Absent until the pool is there, when the benchmark counts processes itself.
 */
final class SessionMeters {

    /** Counter values at one moment; the difference of two is what a run did. */
    record Reading(double starts, double hits, double misses, double live) {

        Reading minus(Reading before) {
            return new Reading(starts - before.starts, hits - before.hits, misses - before.misses, live);
        }

        double hitRate() {
            return hits + misses == 0 ? Double.NaN : hits / (hits + misses);
        }
    }

    private final Supplier<MeterRegistry> registry;

    /** {@code registry} is looked up at each reading: export-consumer may have been restarted. */
    SessionMeters(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    Optional<Reading> read() {
        MeterRegistry meters = registry.get();
        if (meters.find("yarnnn.mcp.session.acquisitions").meter() == null) {
            return Optional.empty();
        }
        return Optional.of(new Reading(count(meters.find("yarnnn.mcp.session.starts").counters()),
                count(meters.find("yarnnn.mcp.session.acquisitions").tag("result", "hit").counters()),
                count(meters.find("yarnnn.mcp.session.acquisitions").tag("result", "miss").counters()),
                meters.find("yarnnn.mcp.sessions.live").gauges().stream().mapToDouble(g -> g.value()).sum()));
    }

    private static double count(java.util.Collection<Counter> counters) {
        return counters.stream().mapToDouble(Counter::count).sum();
    }
}
