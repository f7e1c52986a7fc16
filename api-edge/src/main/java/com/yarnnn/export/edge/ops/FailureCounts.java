package com.yarnnn.export.edge.ops;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every provider's dead-lettered and parked records, counted by their last error's code. */
@Component
class FailureCounts {

    /**
     * @param waiting records whose export still waits in a failed state (a replay would send them)
     * @param total   every record of the code on the topic, replayed ones included
     */
    record ErrorCount(String errorCode, int waiting, int total) {
    }

    record ProviderFailures(String provider, List<ErrorCount> deadLettered, List<ErrorCount> parked) {
    }

    private static final String UNKNOWN = "unknown";

    private final DeadLetterBrowser browser;
    private final KnownProviders providers;

    FailureCounts(DeadLetterBrowser browser, KnownProviders providers) {
        this.browser = browser;
        this.providers = providers;
    }

    List<ProviderFailures> byProvider() {
        List<ParkingTopic.Source> sources = providers.all().stream().sorted()
                .flatMap(provider -> Arrays.stream(ParkingTopic.values())
                        .map(kind -> new ParkingTopic.Source(kind, provider)))
                .toList();
        Map<ParkingTopic, List<DeadLetterBrowser.Parked>> records = browser.list(sources, entry -> true);
        return providers.all().stream().sorted()
                .map(provider -> new ProviderFailures(provider,
                        counts(records.get(ParkingTopic.DEAD_LETTERS), provider),
                        counts(records.get(ParkingTopic.PARKED), provider)))
                .toList();
    }

    /** Most waiting first. */
    private static List<ErrorCount> counts(List<DeadLetterBrowser.Parked> records, String provider) {
        Map<String, List<DeadLetterEntry>> byCode = records.stream().map(DeadLetterBrowser.Parked::entry)
                .filter(entry -> entry.provider().equals(provider))
                .collect(Collectors.groupingBy(entry -> entry.errorCode() != null ? entry.errorCode() : UNKNOWN,
                        TreeMap::new, Collectors.toList()));
        return byCode.entrySet().stream()
                .map(code -> new ErrorCount(code.getKey(),
                        (int) code.getValue().stream().filter(DeadLetterEntry::replayable).count(),
                        code.getValue().size()))
                .sorted(Comparator.comparingInt(ErrorCount::waiting).reversed()
                        .thenComparing(ErrorCount::errorCode))
                .toList();
    }
}
