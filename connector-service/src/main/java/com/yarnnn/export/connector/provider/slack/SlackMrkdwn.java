package com.yarnnn.export.connector.provider.slack;

/** Slack's mrkdwn, what {@code chat.postMessage} reads in {@code text}: the format of the npm server's messages. */
final class SlackMrkdwn implements SlackMarkup {

    static final SlackMrkdwn INSTANCE = new SlackMrkdwn();

    /** {@code chat.postMessage} truncates {@code text} past this. */
    private static final int MAX_MESSAGE_CHARS = 40_000;
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    private static final String[] BULLETS = {"•", "◦", "▪"};

    private SlackMrkdwn() {
    }

    @Override
    public int maxMessageChars() {
        return MAX_MESSAGE_CHARS;
    }

    @Override
    public String bold() {
        return "*";
    }

    @Override
    public String italic() {
        return "_";
    }

    @Override
    public String strikethrough() {
        return "~";
    }

    @Override
    public String bullet(int depth) {
        return BULLETS[Math.min(depth, BULLETS.length - 1)];
    }

    /** Mrkdwn has no headings. */
    @Override
    public String headingPrefix(int level) {
        return "";
    }

    @Override
    public String text(String raw, boolean lineStart) {
        return escape(raw);
    }

    /** Slack shows fenced text as is, so only the escapes apply. */
    @Override
    public String codeLine(String line) {
        return escape(line);
    }

    /** Slack code spans cannot hold a backtick. */
    @Override
    public String codeSpan(String literal) {
        return literal.contains("`") ? "" : "`" + escape(literal) + "`";
    }

    /** {@code <url|label>}, or {@code <url>} where the label is the address itself. */
    @Override
    public String link(String destination, String label) {
        String url = escape(destination).replace("|", "%7C");
        return label.isBlank() || label.equals(destination) ? "<" + url + ">" : "<" + url + "|" + escape(label.strip()) + ">";
    }

    @Override
    public String lineBreak() {
        return "";
    }

    /** Indentation is only space in mrkdwn: a continued list keeps its place. */
    @Override
    public String messageStart(String message) {
        return message;
    }

    /**
     * Text as Slack shows it: {@code &}, {@code <} and {@code >} become entities (Slack reads the raw ones as
     * links and mentions) and a run of three backticks is broken with a zero-width space, so only the fences
     * the formatter writes open or close a code block.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("`(?=``)", "`" + ZERO_WIDTH_SPACE);
    }
}
