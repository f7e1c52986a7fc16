package com.yarnnn.export.connector.provider.notion;

import java.util.LinkedHashMap;
import java.util.Map;

/** Notion's rich-text annotations that markdown can express, plus a colour for the export reference. */
record TextStyle(boolean bold, boolean italic, boolean strikethrough, boolean code, String color) {

    static final TextStyle PLAIN = new TextStyle(false, false, false, false, null);

    TextStyle withBold() {
        return new TextStyle(true, italic, strikethrough, code, color);
    }

    TextStyle withItalic() {
        return new TextStyle(bold, true, strikethrough, code, color);
    }

    TextStyle withStrikethrough() {
        return new TextStyle(bold, italic, true, code, color);
    }

    TextStyle withCode() {
        return new TextStyle(bold, italic, strikethrough, true, color);
    }

    TextStyle withColor(String newColor) {
        return new TextStyle(bold, italic, strikethrough, code, newColor);
    }

    boolean isPlain() {
        return equals(PLAIN);
    }

    /** Only what differs from Notion's defaults, to keep requests small. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (bold) {
            json.put("bold", true);
        }
        if (italic) {
            json.put("italic", true);
        }
        if (strikethrough) {
            json.put("strikethrough", true);
        }
        if (code) {
            json.put("code", true);
        }
        if (color != null) {
            json.put("color", color);
        }
        return json;
    }
}
