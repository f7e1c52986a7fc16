package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.List;
import java.util.Map;

/** For tests outside this package: the page content {@link HostedNotionExportProvider} sends for a request. */
public final class NotionMarkdownSent {

    private NotionMarkdownSent() {
    }

    /**
     * The {@code content} of the one {@code notion-create-pages} call.
     *
     * @throws com.yarnnn.export.connector.failure.DeliveryException when the request would be over Notion's limit
     */
    @SuppressWarnings("unchecked")
    public static String content(ExportRequested request) {
        Map<String, Object> arguments = HostedNotionExportProvider.createPageArguments("0123456789abcdef0123456789abcdef",
                request);
        return (String) ((List<Map<String, Object>>) arguments.get("pages")).get(0).get("content");
    }
}
