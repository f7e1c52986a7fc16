package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Builds one {@link SlackTextBlock} in a {@link SlackMarkup}: writes each line's prefix (list markers, indentation,
 * quote marks), escapes text, keeps emphasis markers balanced across line ends, and records where the block may be
 * cut.
 */
final class SlackTextWriter {

    private static final class Prefix {
        private String first;
        private final String rest;

        Prefix(String first, String rest) {
            this.first = first;
            this.rest = rest;
        }
    }

    private final SlackMarkup markup;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Prefix> prefixes = new ArrayDeque<>();
    private final Deque<String> styles = new ArrayDeque<>();
    private final List<SlackTextBlock.Break> breaks = new ArrayList<>();
    private String continuation = "";
    private boolean lineStarted;
    private int lineContentStart;

    SlackTextWriter(SlackMarkup markup) {
        this.markup = markup;
    }

    /** Lines written until {@link #pop()} start with {@code first} once, then with {@code rest}. */
    void push(String first, String rest) {
        prefixes.addLast(new Prefix(first, rest));
        continuation += rest;
    }

    void pop() {
        continuation = continuation.substring(0, continuation.length() - prefixes.removeLast().rest.length());
    }

    /** Plain text: escaped, and cuttable at its spaces when no style is open. */
    void text(String raw) {
        String[] lines = raw.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                hardBreak();
            }
            if (lines[i].isEmpty()) {
                continue;
            }
            startLine();
            String escaped = markup.text(lines[i], out.length() == lineContentStart);
            if (styles.isEmpty()) {
                for (int at = escaped.indexOf(' '); at >= 0; at = escaped.indexOf(' ', at + 1)) {
                    breaks.add(new SlackTextBlock.Break(out.length() + at, false, continuation));
                }
            }
            out.append(escaped);
        }
    }

    /** Syntax written as is (markers, links); never cut. */
    void markup(String syntax) {
        startLine();
        out.append(syntax);
    }

    boolean inStyle(String marker) {
        return styles.contains(marker);
    }

    void openStyle(String marker) {
        markup(marker);
        styles.addLast(marker);
    }

    void closeStyle() {
        markup(styles.removeLast());
    }

    /** A line end inside a paragraph: open styles are closed before it and opened again after (Slack's don't span lines). */
    void hardBreak() {
        List<String> open = List.copyOf(styles);
        for (Iterator<String> it = styles.descendingIterator(); it.hasNext(); ) {
            markup(it.next());
        }
        styles.clear();
        lineBreak();
        for (String marker : open) {
            openStyle(marker);
        }
    }

    /** A line end between lines of one paragraph or table. */
    void lineBreak() {
        if (lineStarted && out.length() > lineContentStart) {
            out.append(markup.lineBreak());
        }
        newline();
    }

    void newline() {
        startLine();
        if (out.length() == lineContentStart) {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }
        if (styles.isEmpty()) {
            breaks.add(new SlackTextBlock.Break(out.length(), true, ""));
        }
        out.append('\n');
        lineStarted = false;
    }

    /** A {@code ```} fenced code block, each line as the markup writes code. */
    void codeBlock(String literal) {
        markup("```");
        newline();
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                markup(markup.codeLine(line));
            }
            newline();
        }
        markup("```");
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    SlackTextBlock toBlock() {
        return new SlackTextBlock(out.toString(), breaks);
    }

    private void startLine() {
        if (lineStarted) {
            return;
        }
        for (Prefix prefix : prefixes) {
            if (prefix.first != null) {
                out.append(prefix.first);
                prefix.first = null;
            } else {
                out.append(prefix.rest);
            }
        }
        lineStarted = true;
        lineContentStart = out.length();
    }
}
