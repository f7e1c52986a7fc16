package com.yarnnn.export.connector.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Notion shows of a page's Notion-flavored markdown, read as the enhanced-markdown spec describes it: tab
 * indentation and block markers are structure, {@code \x} shows x, {@code *} and {@code ~~} are emphasis,
 * {@code `…`} code, {@code [label](URL)} a link, {@code <br>} a line break, and the tags the spec defines
 * ({@code table tr td callout span}) are structure. Any other tag is raw HTML the writer let through.
 */
final class NotionMarkdownReader {

    private static final Set<String> NOTION_TAGS = Set.of("table", "tr", "td", "callout", "span", "br");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\\s[^<>]*)?)/?>");
    private static final Pattern FENCE = Pattern.compile("^(`{3,})(.*)$");
    private static final Pattern BLOCK_MARKER = Pattern.compile("^(?:#{1,4} |- \\[[ x]] |- |\\d+\\. |> )");

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder outsideCode = new StringBuilder();
    private final Set<String> links = new HashSet<>();
    private final Set<String> broken = new LinkedHashSet<>();

    static DeliveredView read(String markdown) {
        NotionMarkdownReader reader = new NotionMarkdownReader();
        reader.page(markdown);
        return new DeliveredView(reader.text.toString(), reader.outsideCode.toString(), reader.links,
                new ArrayList<>(reader.broken));
    }

    private void page(String markdown) {
        String fence = null;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.replaceFirst("^\t+", "");
            if (fence != null) {
                if (line.equals(fence)) {
                    fence = null;
                } else {
                    text.append(line).append('\n');
                }
                continue;
            }
            Matcher opening = FENCE.matcher(line);
            if (opening.matches()) {
                fence = opening.group(1);
                continue;
            }
            if (line.equals("---")) {
                continue;
            }
            Matcher marker = BLOCK_MARKER.matcher(line);
            richText(marker.find() ? line.substring(marker.end()) : line);
            text.append('\n');
            outsideCode.append('\n');
        }
        if (fence != null) {
            broken.add("an unclosed code block");
        }
    }

    private void richText(String rich) {
        int i = 0;
        while (i < rich.length()) {
            char c = rich.charAt(i);
            if (c == '\\' && i + 1 < rich.length()) {
                shown(rich.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                i = codeSpan(rich, i);
            } else if (c == '*') {
                i++;
            } else if (c == '~' && rich.startsWith("~~", i)) {
                i += 2;
            } else if (c == '[') {
                i = link(rich, i);
            } else if (c == '<') {
                i = tag(rich, i);
            } else {
                shown(c);
                i++;
            }
        }
    }

    private int codeSpan(String rich, int at) {
        int end = at;
        while (end < rich.length() && rich.charAt(end) == '`') {
            end++;
        }
        String fence = rich.substring(at, end);
        int close = rich.indexOf(fence, end);
        while (close >= 0 && close + fence.length() < rich.length() && rich.charAt(close + fence.length()) == '`') {
            close = rich.indexOf(fence, close + fence.length() + 1);
        }
        if (close < 0) {
            broken.add("an unescaped backtick outside code");
            return end;
        }
        String code = rich.substring(end, close);
        text.append(code.length() > 1 && code.startsWith(" ") && code.endsWith(" ") ? code.substring(1, code.length() - 1)
                : code);
        outsideCode.append(' ');
        return close + fence.length();
    }

    private int link(String rich, int at) {
        int close = at + 1;
        int depth = 0;
        for (; close < rich.length(); close++) {
            char c = rich.charAt(close);
            if (c == '\\') {
                close++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && depth-- == 0) {
                break;
            }
        }
        int urlEnd = rich.indexOf(')', close);
        if (close >= rich.length() || !rich.startsWith("](", close) || urlEnd < 0) {
            broken.add("an unescaped [ that opens no link");
            return at + 1;
        }
        ReaderText.absoluteAddress(rich.substring(close + 2, urlEnd)).ifPresent(links::add);
        richText(rich.substring(at + 1, close));
        return urlEnd + 1;
    }

    private int tag(String rich, int at) {
        Matcher tag = TAG.matcher(rich).region(at, rich.length());
        if (!tag.lookingAt()) {
            broken.add("an unescaped < outside a tag");
            shown('<');
            return at + 1;
        }
        String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
        if (!NOTION_TAGS.contains(name)) {
            broken.add("raw HTML in the Notion markdown: " + tag.group());
        } else if (name.equals("br")) {
            shown('\n');
        }
        return tag.end();
    }

    private void shown(char c) {
        text.append(c);
        outsideCode.append(c);
    }
}
