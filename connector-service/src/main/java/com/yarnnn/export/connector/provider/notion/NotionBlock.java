package com.yarnnn.export.connector.provider.notion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block to create: its Notion type, the type's fields in Notion's JSON shape, and its child blocks.
 *
 * @param fields what goes inside the type's object ({@code rich_text}, {@code language}, {@code checked}, …)
 */
public record NotionBlock(String type, Map<String, Object> fields, List<NotionBlock> children) {

    public NotionBlock {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        children = List.copyOf(children);
    }

    static NotionBlock leaf(String type, Map<String, Object> fields) {
        return new NotionBlock(type, fields, List.of());
    }

    NotionBlock withChildren(List<NotionBlock> newChildren) {
        return new NotionBlock(type, fields, newChildren);
    }

    /** This block and all below it: what Notion counts against its 1000 blocks per request. */
    int blockCount() {
        return 1 + children.stream().mapToInt(NotionBlock::blockCount).sum();
    }

    /** {@code {"type": t, t: {…fields, "children": […]}}}, ready to send. */
    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        if (!children.isEmpty()) {
            body.put("children", children.stream().map(NotionBlock::toJson).toList());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put(type, body);
        return json;
    }
}
