package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.provider.InvalidDestinationException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Notion page id as a destination: 32 hex digits, with or without dashes, or a Notion page link ending in one
 * ({@code https://www.notion.so/team/Weekly-Reports-0123456789abcdef0123456789abcdef?pvs=4}). Normalised to the
 * dashed UUID form.
 */
final class NotionPageId {

    private static final Pattern BARE = Pattern.compile(
            "(?i)[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LINK_TAIL = Pattern.compile(
            "(?i)(?:^|[^0-9a-f])([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
    private static final String EXPECTED = "A Notion destination is a page id (32 hexadecimal digits) or a link to "
            + "the page (https://www.notion.so/…)";

    private NotionPageId() {
    }

    static String parse(String destinationId) {
        if (destinationId == null || destinationId.isBlank()) {
            throw new InvalidDestinationException(EXPECTED);
        }
        String candidate = destinationId.strip();
        if (!BARE.matcher(candidate).matches()) {
            candidate = fromLink(candidate);
        }
        String hex = candidate.replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String fromLink(String link) {
        URI uri;
        try {
            uri = URI.create(link);
        } catch (IllegalArgumentException e) {
            throw new InvalidDestinationException(EXPECTED);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean notionHost = host.equals("notion.so") || host.endsWith(".notion.so") || host.equals("notion.site")
                || host.endsWith(".notion.site") || host.equals("notion.com") || host.endsWith(".notion.com");
        if (!notionHost || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getPath() == null) {
            throw new InvalidDestinationException(EXPECTED);
        }
        Matcher tail = LINK_TAIL.matcher(uri.getPath().replaceAll("/+$", ""));
        if (!tail.find()) {
            throw new InvalidDestinationException(EXPECTED);
        }
        return tail.group(1);
    }
}
