package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Builds one {@link MrkdwnBlock}: writes each line's prefix (list markers, indentation, quote marks), escapes
 * text, keeps emphasis markers balanced across line ends, and records where the block may be cut.
 */
final class MrkdwnWriter {

    private static final class Prefix {
        private String first;
        private final String rest;

        Prefix(String first, String rest) {
            this.first = first;
            this.rest = rest;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final Deque<Prefix> prefixes = new ArrayDeque<>();
    private final Deque<String> styles = new ArrayDeque<>();
    private final List<MrkdwnBlock.Break> breaks = new ArrayList<>();
    private String continuation = "";
    private boolean lineStarted;
    private int lineContentStart;

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
            String escaped = SlackMrkdwn.escape(lines[i]);
            if (styles.isEmpty()) {
                for (int at = escaped.indexOf(' '); at >= 0; at = escaped.indexOf(' ', at + 1)) {
                    breaks.add(new MrkdwnBlock.Break(out.length() + at, false, continuation));
                }
            }
            out.append(escaped);
        }
    }

    /** Mrkdwn syntax written as is (markers, links); never cut. */
    void markup(String mrkdwn) {
        startLine();
        out.append(mrkdwn);
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
        newline();
        for (String marker : open) {
            openStyle(marker);
        }
    }

    void newline() {
        startLine();
        if (out.length() == lineContentStart) {
            while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
        }
        if (styles.isEmpty()) {
            breaks.add(new MrkdwnBlock.Break(out.length(), true, ""));
        }
        out.append('\n');
        lineStarted = false;
    }

    /** A code block: Slack shows {@code ```} fenced text as is, so only the escapes apply. */
    void codeBlock(String literal) {
        markup("```");
        newline();
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                markup(SlackMrkdwn.escape(line));
            }
            newline();
        }
        markup("```");
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    MrkdwnBlock toBlock() {
        return new MrkdwnBlock(out.toString(), breaks);
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
