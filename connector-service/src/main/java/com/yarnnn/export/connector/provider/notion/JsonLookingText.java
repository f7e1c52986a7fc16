package com.yarnnn.export.connector.provider.notion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps text a string on its way through the Notion MCP server. The server JSON-decodes every string argument
 * that, trimmed, looks like JSON ({@code […]}, {@code {…}}, or a quoted string wrapping one, up to three layers
 * deep), so a paragraph reading {@code [1, 2]} would reach Notion as an array. Such text gets a zero-width space
 * in front, which the server's trim keeps and which Notion renders as nothing; other text is left alone.
 */
final class JsonLookingText {

    static final char ZERO_WIDTH_SPACE = '\u200B';

    /** As many JSON-string layers as the server peels ({@code MAX_UNWRAP_DEPTH} in its proxy). */
    private static final int SERVER_UNWRAP_DEPTH = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLookingText() {
    }

    static String protect(String text) {
        return serverWouldDecode(text) ? ZERO_WIDTH_SPACE + text : text;
    }

    private static boolean serverWouldDecode(String text) {
        String current = text;
        for (int layer = 0; layer < SERVER_UNWRAP_DEPTH; layer++) {
            String trimmed = jsTrim(current);
            if (!wrapped(trimmed, '[', ']') && !wrapped(trimmed, '{', '}') && !wrapped(trimmed, '"', '"')) {
                return false;
            }
            JsonNode parsed;
            try {
                parsed = JSON.readTree(trimmed);
            } catch (JacksonException notJson) {
                return false;
            }
            if (parsed.isContainer()) {
                return true;
            }
            if (!parsed.isString()) {
                return false;
            }
            current = parsed.stringValue();
        }
        return false;
    }

    private static boolean wrapped(String text, char open, char close) {
        return text.length() >= 2 && text.charAt(0) == open && text.charAt(text.length() - 1) == close;
    }

    /** {@code String.prototype.trim}: JavaScript's whitespace and line terminators, not Java's. */
    private static String jsTrim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isJsWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isJsWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isJsWhitespace(char c) {
        return c == '\t' || c == '\u000B' || c == '\f' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\uFEFF'
                || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
