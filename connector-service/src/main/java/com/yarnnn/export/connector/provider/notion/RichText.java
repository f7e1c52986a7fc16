package com.yarnnn.export.connector.provider.notion;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Notion rich-text item: a run of text in one style, optionally a link. The formatter keeps
 * {@code content} within Notion's 2000 characters, leaving room for {@link JsonLookingText}'s mark.
 */
record RichText(String content, TextStyle style, String link) {

    static RichText plain(String content) {
        return new RichText(content, TextStyle.PLAIN, null);
    }

    Map<String, Object> toJson() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("content", JsonLookingText.protect(content));
        if (link != null) {
            text.put("link", Map.of("url", link));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "text");
        json.put("text", text);
        if (!style.isPlain()) {
            json.put("annotations", style.toJson());
        }
        return json;
    }
}
