package com.yarnnn.export.deploy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a PromQL expression reads: its metric names, and the values it matches a label against. */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String bare = LABEL_LIST.matcher(RANGE.matcher(MATCHERS.matcher(STRING.matcher(expression).replaceAll("\"\""))
                .replaceAll("")).replaceAll("")).replaceAll("");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group(1).toLowerCase(Locale.ROOT))) {
                names.add(identifier.group(1));
            }
        }
        return names;
    }

    /** The values a label is matched against ({@code label="a"} or {@code label=~"a|b"}), alternatives split. */
    static Set<String> labelValues(String expression, String label) {
        Set<String> values = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\b" + label + "\\s*=~?\\s*\"([^\"]*)\"").matcher(expression);
        while (matcher.find()) {
            values.addAll(Set.of(matcher.group(1).split("\\|")));
        }
        return values;
    }
}
