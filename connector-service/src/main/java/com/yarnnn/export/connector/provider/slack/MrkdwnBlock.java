package com.yarnnn.export.connector.provider.slack;

import java.util.List;

/**
 * One top-level piece of a Slack message (a paragraph, a list, a code block) in mrkdwn, with the places it may be
 * cut when it does not fit in one message.
 *
 * @param breaks where a cut leaves valid mrkdwn on both sides, in ascending order
 */
record MrkdwnBlock(String text, List<Break> breaks) {

    /**
     * A cut drops the character at {@code at} (a newline or a space) and starts the rest with {@code resume}.
     *
     * @param line   a line end (preferred) rather than a space between words
     * @param resume what the rest of a cut line starts with so it keeps its place (a quote's {@code > })
     */
    record Break(int at, boolean line, String resume) {
    }

    MrkdwnBlock {
        breaks = List.copyOf(breaks);
    }

    static MrkdwnBlock of(String text) {
        return new MrkdwnBlock(text, List.of());
    }
}
