package com.yarnnn.export.connector.provider.slack;

/** Slack's mrkdwn escaping rules. */
final class SlackMrkdwn {

    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private SlackMrkdwn() {
    }

    /**
     * Text as Slack shows it: {@code &}, {@code <} and {@code >} become entities (Slack reads the raw ones as
     * links and mentions) and a run of three backticks is broken with a zero-width space, so only the fences
     * this formatter writes open or close a code block.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("`(?=``)", "`" + ZERO_WIDTH_SPACE);
    }

    /** A link target inside {@code <…|…>}: escaped, and a {@code |} would end it. */
    static String url(String url) {
        return escape(url).replace("|", "%7C");
    }
}
