package com.yarnnn.export.connector.provider.notion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Styled runs ({@link InlineText}) written as the rich text of Notion-flavored markdown (Notion's enhanced markdown,
 * {@code notion://docs/enhanced-markdown-spec}; the same text as <a
 * href="https://developers.notion.com/guides/data-apis/enhanced-markdown">developers.notion.com/guides/data-apis/enhanced-markdown</a>):
 * {@code **bold**}, {@code *italic*}, {@code ~~strikethrough~~}, {@code `code`}, {@code [text](URL)},
 * {@code <span color="…">} and {@code <br>} for a line break inside a block. Text is escaped as the spec asks: a
 * backslash before each of {@code \ * ~ ` $ [ ] < > { } | ^}; code is literal.
 *
 * <p>Emphasis stays open across runs that share it, and whitespace at a run's edges is written outside the
 * markers, so {@code **a *b*** c} comes out as markdown parses it back, never as {@code ** a**}.
 */
final class NotionMarkdownText {

    private static final String SPECIAL = "\\*~`$[]<>{}|^";
    /** A line that a markdown reader would take for a block marker: heading, list item, divider, fence, toggle. */
    private static final Pattern BLOCK_START = Pattern.compile("^(?:[#+=:▶-]|(\\d{1,9})([.)]))");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private enum Marker {
        BOLD("**"), ITALIC("*"), STRIKETHROUGH("~~");

        final String text;

        Marker(String text) {
            this.text = text;
        }

        boolean in(TextStyle style) {
            return switch (this) {
                case BOLD -> style.bold();
                case ITALIC -> style.italic();
                case STRIKETHROUGH -> style.strikethrough();
            };
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final List<Marker> open = new ArrayList<>();
    private String pendingSpace = "";
    private String color;

    private NotionMarkdownText() {
    }

    /** The runs as one line of rich text (line breaks become {@code <br>}). */
    static String of(List<RichText> runs) {
        NotionMarkdownText text = new NotionMarkdownText();
        runs.forEach(text::run);
        text.closeAll();
        text.out.append(text.pendingSpace);
        return text.out.toString();
    }

    /** Plain text, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("<br>");
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The line as a paragraph: where it starts like a block marker ({@code # }, {@code - }, {@code 1. },
     * {@code ---}, {@code :::}, {@code ▶}), that character escaped, so the text stays text.
     */
    static String asParagraph(String line) {
        Matcher start = BLOCK_START.matcher(line);
        if (!start.find()) {
            return line;
        }
        return start.group(1) != null
                ? start.group(1) + "\\" + line.substring(start.group(1).length())
                : "\\" + line;
    }

    /** Inline code: literal, between more backticks than it holds, padded where it starts or ends with one. */
    static String code(String content) {
        String literal = content.replace('\n', ' ');
        int longest = 0;
        for (Matcher run = BACKTICKS.matcher(literal); run.find();) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = literal.startsWith("`") || literal.endsWith("`");
        return fence + (pad ? " " : "") + literal + (pad ? " " : "") + fence;
    }

    private void run(RichText run) {
        String content = run.content();
        int start = 0;
        while (start < content.length() && isSpace(content.charAt(start))) {
            start++;
        }
        int end = content.length();
        while (end > start && isSpace(content.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            pendingSpace += escape(content);
            return;
        }
        String core = content.substring(start, end);
        if (run.link() != null) {
            closeAll();
            out.append(pendingSpace).append(escape(content.substring(0, start)));
            openColor(run.style().color());
            out.append('[').append(styled(core, run.style())).append("](").append(linkTarget(run.link())).append(')');
        } else {
            List<Marker> wanted = new ArrayList<>();
            for (Marker marker : Marker.values()) {
                if (marker.in(run.style())) {
                    wanted.add(marker);
                }
            }
            int keep = 0;
            while (keep < open.size() && keep < wanted.size() && open.get(keep) == wanted.get(keep)
                    && Objects.equals(color, run.style().color())) {
                keep++;
            }
            closeTo(keep);
            if (!Objects.equals(color, run.style().color())) {
                closeAll();
            }
            out.append(pendingSpace).append(escape(content.substring(0, start)));
            openColor(run.style().color());
            for (Marker marker : wanted.subList(keep, wanted.size())) {
                out.append(marker.text);
                open.add(marker);
            }
            out.append(run.style().code() ? code(core) : escape(core));
        }
        pendingSpace = escape(content.substring(end));
        if (run.link() != null) {
            closeAll();
        }
    }

    /** A link's text with its own markers, all closed inside the brackets. */
    private static String styled(String core, TextStyle style) {
        String text = style.code() ? code(core) : escape(core);
        for (Marker marker : Marker.values()) {
            if (marker.in(style)) {
                text = marker.text + text + marker.text;
            }
        }
        return text;
    }

    /** Parentheses would end the link early; {@link NotionLinkUrl} already escaped spaces and brackets. */
    private static String linkTarget(String url) {
        return url.replace("(", "%28").replace(")", "%29");
    }

    private void openColor(String wanted) {
        if (wanted != null && color == null) {
            out.append("<span color=\"").append(wanted).append("\">");
            color = wanted;
        }
    }

    private void closeTo(int size) {
        while (open.size() > size) {
            out.append(open.remove(open.size() - 1).text);
        }
    }

    private void closeAll() {
        closeTo(0);
        if (color != null) {
            out.append("</span>");
            color = null;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }
}
