package com.yarnnn.export.connector.provider.slack;

import java.util.regex.Pattern;

/**
 * Standard (CommonMark) markdown, what Slack's hosted server takes in {@code slack_send_message}'s {@code message}
 * and, as the {@code markdown} block of {@code chat.postMessage} does, translates for Slack (docs.slack.dev,
 * "Markdown block"): {@code **bold**}, {@code _italic_}, {@code ~~strike~~}, {@code [text](url)}, {@code #}
 * headings, {@code -} and {@code 1.} lists, {@code >} quotes, code spans and {@code ```} blocks, and backslash
 * escapes. Tables and horizontal rules are not among the types that block supports, so the formatter writes them
 * as it does for mrkdwn (aligned columns in a code block, a line of box-drawing characters).
 */
final class SlackStandardMarkdown implements SlackMarkup {

    static final SlackStandardMarkdown INSTANCE = new SlackStandardMarkdown();

    /** The markdown block's limit ("12,000 characters max"), which Slack applies to all of a message's markdown. */
    private static final int MAX_MESSAGE_CHARS = 12_000;
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    /** Inline syntax wherever it stands. */
    private static final Pattern INLINE_SYNTAX = Pattern.compile("[\\\\`*_\\[\\]~]");
    /** What would open raw HTML or an autolink. */
    private static final Pattern TAG_OPEN = Pattern.compile("<(?=[A-Za-z/!?])");
    /** What would be read as an entity reference. */
    private static final Pattern ENTITY = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    /**
     * Heading, list and rule markers at the start of a word: messages are cut between words, so any word may
     * start a line.
     */
    private static final Pattern WORD_START_MARKER = Pattern.compile("(?<=^| )([#+-])");
    private static final Pattern WORD_START_NUMBER = Pattern.compile("(?<=^| )(\\d{1,9})([.)])(?= |$)");

    private SlackStandardMarkdown() {
    }

    @Override
    public int maxMessageChars() {
        return MAX_MESSAGE_CHARS;
    }

    @Override
    public String bold() {
        return "**";
    }

    @Override
    public String italic() {
        return "_";
    }

    @Override
    public String strikethrough() {
        return "~~";
    }

    @Override
    public String bullet(int depth) {
        return "-";
    }

    @Override
    public String headingPrefix(int level) {
        return "#".repeat(level) + " ";
    }

    @Override
    public String text(String raw, boolean lineStart) {
        String escaped = INLINE_SYNTAX.matcher(raw).replaceAll("\\\\$0");
        escaped = TAG_OPEN.matcher(escaped).replaceAll("\\\\<");
        escaped = ENTITY.matcher(escaped).replaceAll("\\\\&");
        escaped = WORD_START_MARKER.matcher(escaped).replaceAll("\\\\$1");
        escaped = WORD_START_NUMBER.matcher(escaped).replaceAll("$1\\\\$2");
        return lineStart && escaped.startsWith(">") ? "\\" + escaped : escaped;
    }

    /** Code is shown as is; only a fence inside is broken (with a zero-width space), so the block stays one. */
    @Override
    public String codeLine(String line) {
        return line.replaceAll("`(?=``)", "`" + ZERO_WIDTH_SPACE);
    }

    /**
     * A span holding a backtick is delimited by two, with spaces that CommonMark strips; one holding two in a row
     * is written as text, as three would read as a code fence.
     */
    @Override
    public String codeSpan(String literal) {
        if (literal.contains("``")) {
            return "";
        }
        return literal.contains("`") ? "`` " + literal + " ``" : "`" + literal + "`";
    }

    /** {@code [label](url)}, the label escaped and the characters that would end the address percent-encoded. */
    @Override
    public String link(String destination, String label) {
        String url = destination.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E");
        String shown = label.isBlank() ? destination : label.strip();
        return "[" + text(shown, false) + "](" + url + ")";
    }

    /** Two spaces: a hard line break in CommonMark, and nothing visible where it is not read as one. */
    @Override
    public String lineBreak() {
        return "  ";
    }

    /**
     * A message that starts indented continues a nested list (or a code block in one): four spaces at the start
     * of a document open an indented code block, so its lines are moved left by the first line's indentation,
     * up to the first line that was not indented (where the next block starts).
     */
    @Override
    public String messageStart(String message) {
        int indent = leadingSpaces(message);
        if (indent == 0) {
            return message;
        }
        String[] lines = message.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int spaces = leadingSpaces(lines[i]);
            if (spaces == 0 && !lines[i].isEmpty()) {
                break;
            }
            lines[i] = lines[i].substring(Math.min(spaces, indent));
        }
        return String.join("\n", lines);
    }

    private static int leadingSpaces(String text) {
        int spaces = 0;
        while (spaces < text.length() && text.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }
}
