package com.yarnnn.export.connector.testing;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape ({@code /actuator/prometheus}). */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");

    private PrometheusScrape() {
    }

    /** The sample of the metric whose labels include these (summed when several match), if there is one. */
    public static OptionalDouble value(String scrape, String metric, Map<String, String> labels) {
        return scrape.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(m -> m.group(1).equals(metric))
                .filter(m -> labels.entrySet().stream().allMatch(label -> m.group(3) != null
                        && m.group(3).contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(m -> Double.parseDouble(m.group(4)))
                .reduce(Double::sum);
    }
}
