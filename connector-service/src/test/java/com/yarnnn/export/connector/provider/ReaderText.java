package com.yarnnn.export.connector.provider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Tag;

/** What the fidelity checks compare: words, HTML markup shown as text, link addresses. */
final class ReaderText {

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)(\\s[^<>]*)?/?>|<!--|&lt;/?([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(?:https?://[^\\s/?#]|mailto:\\S)");

    private ReaderText() {
    }

    /** Each word (a run of letters and digits, or a pictograph) with how often it occurs. */
    static Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        StringBuilder word = new StringBuilder();
        (text + " ").codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.merge(word.toString(), 1, Integer::sum);
                word.setLength(0);
            }
        });
        return words;
    }

    /** The share of the source's word occurrences that the delivered text holds too. */
    static double coverage(Map<String, Integer> source, Map<String, Integer> delivered) {
        int total = source.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return 1;
        }
        int found = source.entrySet().stream()
                .mapToInt(word -> Math.min(word.getValue(), delivered.getOrDefault(word.getKey(), 0))).sum();
        return (double) found / total;
    }

    /** HTML tags (of elements HTML knows) and comment openings written as text, escaped or not. */
    static Set<String> markup(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = TAG.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(4);
            if (name == null || Tag.isKnownTag(name.toLowerCase(Locale.ROOT))) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    /** An address a reader can open, comparable across renderings (percent escapes decoded), else empty. */
    static Optional<String> absoluteAddress(String href) {
        String address = href.strip();
        if (address.startsWith("//")) {
            address = "https:" + address;
        }
        return ABSOLUTE.matcher(address).lookingAt() ? Optional.of(percentDecoded(address)) : Optional.empty();
    }

    private static String percentDecoded(String address) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '%' && i + 2 < address.length() && isHex(address.charAt(i + 1)) && isHex(address.charAt(i + 2))) {
                bytes.write(Integer.parseInt(address.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
