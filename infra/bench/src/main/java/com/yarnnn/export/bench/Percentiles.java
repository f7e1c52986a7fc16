package com.yarnnn.export.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of values. */
record Percentiles(double p50, double p95, double p99) {

    static final Percentiles NONE = new Percentiles(Double.NaN, Double.NaN, Double.NaN);

    static Percentiles of(Collection<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Percentiles(rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
    }

    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {p50, p95, p99});
    }
}
