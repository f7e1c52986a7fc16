package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For tests outside this package: the {@code children} of each request {@link NotionExportProvider} sends for a
 * new page (the page creation's, then each append's), and the limits it keeps.
 */
public final class NotionSent {

    public static final int MAX_TEXT_LENGTH = NotionBlockFormatter.MAX_TEXT_LENGTH;
    public static final int MAX_RICH_TEXT_ITEMS = NotionBlockFormatter.MAX_RICH_TEXT_ITEMS;
    public static final int MAX_DEPTH = NotionBlockFormatter.MAX_DEPTH;
    public static final int MAX_TABLE_ROWS = NotionBlockFormatter.MAX_TABLE_ROWS;
    public static final int MAX_URL_LENGTH = NotionLinkUrl.MAX_LENGTH;
    public static final int MAX_CHILDREN = NotionRequests.MAX_CHILDREN;
    public static final int MAX_BLOCKS_PER_REQUEST = NotionRequests.MAX_BLOCKS_PER_REQUEST;
    /** Notion's own limit; the provider keeps requests under {@code NotionRequests.MAX_REQUEST_BYTES}. */
    public static final int NOTION_MAX_REQUEST_BYTES = 500_000;

    private NotionSent() {
    }

    public static List<List<Map<String, Object>>> requests(ExportRequested request) {
        List<NotionBlock> blocks = NotionRequests.topLevel(NotionExportProvider.pageBlocks(request));
        List<NotionBlock> first = NotionRequests.batches(blocks).get(0);
        List<List<Map<String, Object>>> requests = new ArrayList<>();
        requests.add(NotionRequests.json(first));
        NotionRequests.batches(blocks.subList(first.size(), blocks.size()))
                .forEach(batch -> requests.add(NotionRequests.json(batch)));
        return requests;
    }
}
