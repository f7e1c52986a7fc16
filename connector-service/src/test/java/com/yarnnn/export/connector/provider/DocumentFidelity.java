package com.yarnnn.export.connector.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How faithfully one provider delivered one document: its word coverage and what a reader would find wrong. */
record DocumentFidelity(String document, double coverage, List<String> violations) {

    static final double MIN_COVERAGE = 0.99;
    private static final int SHOWN = 6;

    static DocumentFidelity of(String document, SourceView source, DeliveredView delivered) {
        List<String> violations = new ArrayList<>(delivered.brokenLimits());
        Map<String, Integer> deliveredWords = ReaderText.words(delivered.text());
        double coverage = ReaderText.coverage(source.words(), deliveredWords);
        if (coverage < MIN_COVERAGE) {
            violations.add(String.format("word coverage %.4f; missing e.g. %s", coverage, source.words().entrySet().stream()
                    .filter(word -> deliveredWords.getOrDefault(word.getKey(), 0) < word.getValue())
                    .limit(SHOWN).map(Map.Entry::getKey).toList()));
        }
        Set<String> markup = ReaderText.markup(delivered.textOutsideCode());
        markup.removeAll(ReaderText.markup(source.textOutsideCode()));
        if (!markup.isEmpty()) {
            violations.add("HTML shown as text outside code: " + some(markup));
        }
        Set<String> lost = new LinkedHashSet<>(source.links());
        lost.removeAll(delivered.links());
        if (!lost.isEmpty()) {
            violations.add(lost.size() + " of the source's links lead nowhere: " + some(lost));
        }
        Set<String> toImages = new LinkedHashSet<>(delivered.links());
        toImages.retainAll(source.linkedImagesOnly());
        if (!toImages.isEmpty()) {
            violations.add("links to a linked image instead of where its link led: " + some(toImages));
        }
        return new DocumentFidelity(document, coverage, violations);
    }

    private static String some(Set<String> items) {
        return items.stream().limit(SHOWN).collect(Collectors.joining(", ", "[", items.size() > SHOWN ? ", …]" : "]"));
    }
}
