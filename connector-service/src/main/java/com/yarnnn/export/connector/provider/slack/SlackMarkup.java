package com.yarnnn.export.connector.provider.slack;

/**
 * The text format a message is written in, which depends on the MCP server that posts it: the npm server passes
 * {@code text} to {@code chat.postMessage}, which reads Slack's own mrkdwn ({@link SlackMrkdwn}); Slack's hosted
 * server takes the message "in standard markdown" ({@link SlackStandardMarkdown}). {@link SlackMessageFormatter}
 * walks the deliverable once and asks this for every piece of syntax.
 */
sealed interface SlackMarkup permits SlackMrkdwn, SlackStandardMarkdown {

    /** The format the transport's server takes. */
    static SlackMarkup of(SlackProperties.Transport transport) {
        return switch (transport) {
            case STDIO -> SlackMrkdwn.INSTANCE;
            case REMOTE -> SlackStandardMarkdown.INSTANCE;
        };
    }

    /** The longest message the format allows, whatever the configured limit. */
    int maxMessageChars();

    String bold();

    String italic();

    String strikethrough();

    /** The marker of an unordered list item at {@code depth} (0 for the outermost list). */
    String bullet(int depth);

    /** What a heading line starts with; empty where headings are written as bold lines. */
    String headingPrefix(int level);

    /**
     * Text shown as it is: whatever the format would read as syntax escaped.
     *
     * @param lineStart whether it starts a line, where more characters are syntax (list and quote markers)
     */
    String text(String raw, boolean lineStart);

    /** One line of a fenced code block, which must not hold a fence itself. */
    String codeLine(String line);

    /** A code span; empty when the format cannot hold this one, which is then written as text. */
    String codeSpan(String literal);

    String link(String destination, String label);

    /** What ends a line inside a paragraph, before the newline. */
    String lineBreak();

    /**
     * A message as posted, given as split: one that continues a nested list or a code block inside one starts
     * with that block's indentation, which some formats read differently at the start of a message.
     */
    String messageStart(String message);
}
