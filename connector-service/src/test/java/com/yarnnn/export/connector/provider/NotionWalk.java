package com.yarnnn.export.connector.provider;

import com.yarnnn.export.connector.provider.notion.NotionSent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Walks the blocks of Notion requests as sent: collects their text and links, notes each limit of Notion's broken. */
final class NotionWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder outsideCode = new StringBuilder();
    private final Set<String> links = new HashSet<>();
    private final List<String> broken = new ArrayList<>();

    void request(List<Map<String, Object>> children) {
        limit("blocks in a request's children", children.size(), NotionSent.MAX_CHILDREN);
        limit("blocks in a request", children.stream().mapToInt(NotionWalk::blockCount).sum(),
                NotionSent.MAX_BLOCKS_PER_REQUEST);
        limit("bytes of blocks in a request", JSON.writeValueAsBytes(children).length, NotionSent.NOTION_MAX_REQUEST_BYTES);
        children.forEach(block -> block(block, 1));
    }

    String text() {
        return text.toString();
    }

    String textOutsideCode() {
        return outsideCode.toString();
    }

    Set<String> links() {
        return links;
    }

    List<String> broken() {
        return broken;
    }

    @SuppressWarnings("unchecked")
    private void block(Map<String, Object> block, int depth) {
        limit("nesting depth", depth, NotionSent.MAX_DEPTH);
        String type = (String) block.get("type");
        Map<String, Object> body = (Map<String, Object>) block.get(type);
        if (body.get("rich_text") instanceof List<?> items) {
            richText(items, type.equals("code"));
        }
        List<Map<String, Object>> children = (List<Map<String, Object>>) body.getOrDefault("children", List.of());
        limit("children of a block", children.size(), NotionSent.MAX_CHILDREN);
        if (type.equals("table")) {
            limit("rows of a table", children.size(), NotionSent.MAX_TABLE_ROWS);
            int width = (Integer) body.get("table_width");
            for (Map<String, Object> row : children) {
                List<List<?>> cells = (List<List<?>>) ((Map<String, Object>) row.get("table_row")).get("cells");
                if (cells.size() != width) {
                    broken.add("a table row of " + cells.size() + " cells in a table " + width + " wide");
                }
                cells.forEach(cell -> richText(cell, false));
                newline();
            }
        } else {
            newline();
            children.forEach(child -> block(child, depth + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void richText(List<?> items, boolean codeBlock) {
        limit("rich text items in a block", items.size(), NotionSent.MAX_RICH_TEXT_ITEMS);
        for (Object item : items) {
            Map<String, Object> json = (Map<String, Object>) item;
            Map<String, Object> content = (Map<String, Object>) json.get("text");
            String literal = (String) content.get("content");
            limit("characters of a rich text item", literal.length(), NotionSent.MAX_TEXT_LENGTH);
            if (content.get("link") instanceof Map<?, ?> link) {
                String url = (String) link.get("url");
                limit("characters of a link", url.length(), NotionSent.MAX_URL_LENGTH);
                ReaderText.absoluteAddress(url).ifPresentOrElse(links::add,
                        () -> broken.add("a link Notion refuses: " + url));
            }
            boolean code = codeBlock || json.get("annotations") instanceof Map<?, ?> annotations
                    && Boolean.TRUE.equals(annotations.get("code"));
            String shown = literal.replace(ZERO_WIDTH_SPACE, "");
            text.append(shown);
            outsideCode.append(code ? " " : shown);
        }
        text.append(' ');
        outsideCode.append(' ');
    }

    private void newline() {
        text.append('\n');
        outsideCode.append('\n');
    }

    private void limit(String what, int value, int max) {
        if (value > max) {
            broken.add(value + " " + what + ", over Notion's " + max);
        }
    }

    @SuppressWarnings("unchecked")
    private static int blockCount(Map<String, Object> block) {
        Map<String, Object> body = (Map<String, Object>) block.get((String) block.get("type"));
        List<Map<String, Object>> children = (List<Map<String, Object>>) body.getOrDefault("children", List.of());
        return 1 + children.stream().mapToInt(NotionWalk::blockCount).sum();
    }
}
