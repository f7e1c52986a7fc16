package com.yarnnn.export.connector.provider.slack;

import java.util.List;

/**
 * One top-level piece of a Slack message (a paragraph, a list, a code block) in mrkdwn, with the places it may be
 * cut when it does not fit in one message.
 *
 * @param breaks where a cut leaves valid mrkdwn on both sides, in ascending order
 */
record SlackTextBlock(String text, List<Break> breaks) {

    /**
     * A cut drops the character at {@code at} (a newline or a space) and starts the rest with {@code resume}.
     *
     * @param line   a line end (preferred) rather than a space between words
     * @param resume what the rest of a cut line starts with so it keeps its place (a quote's {@code > })
     */
    record Break(int at, boolean line, String resume) {
    }

    SlackTextBlock {
        breaks = List.copyOf(breaks);
    }

    static SlackTextBlock of(String text) {
        return new SlackTextBlock(text, List.of());
    }
}
