package com.yarnnn.export.connector.provider.notion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Packs a page's blocks into the {@code children} of successive requests (the page creation, then appends), in
 * order, within Notion's per-request limits: ≤ 100 blocks in any children array, ≤ 1000 blocks in all, and
 * ≤ {@value #MAX_REQUEST_BYTES} bytes of blocks (Notion allows 500 KB per request).
 */
public final class NotionRequests {

    static final int MAX_CHILDREN = 100;
    static final int MAX_BLOCKS_PER_REQUEST = 1000;
    static final int MAX_REQUEST_BYTES = 400_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotionRequests() {
    }

    /**
     * The top-level blocks as they will be created: a block whose children do not fit one request (more than
     * 100, or too large) keeps those that fit, and the rest follow it as top-level blocks. Tables are exempt:
     * the formatter already keeps them within the limits.
     */
    public static List<NotionBlock> topLevel(List<NotionBlock> blocks) {
        List<NotionBlock> out = new ArrayList<>();
        for (NotionBlock block : blocks) {
            if (block.children().isEmpty() || block.type().equals("table")) {
                out.add(block);
                continue;
            }
            List<NotionBlock> kept = new ArrayList<>();
            int bytes = bytes(block.withChildren(List.of()));
            int index = 0;
            for (; index < block.children().size(); index++) {
                NotionBlock child = block.children().get(index);
                int childBytes = bytes(child) + 1;
                if (kept.size() == MAX_CHILDREN || bytes + childBytes > MAX_REQUEST_BYTES) {
                    break;
                }
                kept.add(child);
                bytes += childBytes;
            }
            out.add(block.withChildren(kept));
            out.addAll(block.children().subList(index, block.children().size()));
        }
        return out;
    }

    /** The children of each request, in order: the first for the page creation, the others appended. */
    public static List<List<NotionBlock>> batches(List<NotionBlock> topLevel) {
        List<List<NotionBlock>> batches = new ArrayList<>();
        List<NotionBlock> batch = new ArrayList<>();
        int blocks = 0;
        int bytes = 0;
        for (NotionBlock block : topLevel) {
            int blockBytes = bytes(block) + 1;
            if (!batch.isEmpty() && (batch.size() == MAX_CHILDREN || blocks + block.blockCount() > MAX_BLOCKS_PER_REQUEST
                    || bytes + blockBytes > MAX_REQUEST_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                blocks = 0;
                bytes = 0;
            }
            batch.add(block);
            blocks += block.blockCount();
            bytes += blockBytes;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    static List<Map<String, Object>> json(List<NotionBlock> blocks) {
        return blocks.stream().map(NotionBlock::toJson).toList();
    }

    private static int bytes(NotionBlock block) {
        return JSON.writeValueAsBytes(block.toJson()).length;
    }
}
