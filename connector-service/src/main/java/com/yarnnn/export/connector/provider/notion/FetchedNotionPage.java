package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.provider.InvalidDestinationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A page as {@code notion-fetch} shows it. Its {@code text} wraps the page in Notion's tags:
 * {@code <page url="…">}, an {@code <ancestor-path>} whose first entry is the direct parent
 * ({@code <parent-page url="…" title="…"/>}), the {@code <properties>} and the {@code <content>} in Notion-flavored
 * markdown, where each child page is a {@code <page url="…">Title</page>} line (public copies of fetch results and
 * the enhanced-markdown spec show these tags).
 *
 * @param parentId   the direct parent page's ID (dashed), or null when the parent is no page
 * @param content    the page's markdown (without the wrapper)
 * @param childPages the child pages listed in the content, in page order
 */
record FetchedNotionPage(String id, String url, String parentId, String content, List<ChildPage> childPages) {

    /** A child page as its parent's content lists it. */
    record ChildPage(String id, String url, String title) {
    }

    private static final Pattern PARENT = Pattern.compile(
            "<ancestor-path>\\s*<parent-page\\s+url=\"\\{*([^\"}]+)\\}*\"", Pattern.DOTALL);
    private static final Pattern PAGE = Pattern.compile("<page\\s+url=\"\\{*([^\"}]+)\\}*\"");
    private static final Pattern CONTENT = Pattern.compile("<content>\\n?(.*?)\\n?</content>", Pattern.DOTALL);
    private static final Pattern CHILD = Pattern.compile("<page\\s+url=\"\\{*([^\"}]+)\\}*\"[^>]*>(.*?)</page>");

    static FetchedNotionPage of(JsonNode fetched) {
        String text = fetched.path("text").asString("");
        Matcher parent = PARENT.matcher(text);
        Matcher body = CONTENT.matcher(text);
        String content = body.find() ? body.group(1) : text;
        List<ChildPage> children = new ArrayList<>();
        for (Matcher child = CHILD.matcher(content); child.find();) {
            String childId = idOf(child.group(1));
            if (childId != null) {
                children.add(new ChildPage(childId, child.group(1), child.group(2)));
            }
        }
        Matcher page = PAGE.matcher(text);
        String url = fetched.path("url").asString(page.find() ? page.group(1) : "");
        return new FetchedNotionPage(idOf(fetched.path("id").asString(url)), url,
                parent.find() ? idOf(parent.group(1)) : null, content, List.copyOf(children));
    }

    /** The content's first line: where the export's reference line stands. */
    String firstLine() {
        int end = content.indexOf('\n');
        return end < 0 ? content : content.substring(0, end);
    }

    /** A page ID or URL as a dashed ID; null when it names no page. */
    static String idOf(String idOrUrl) {
        try {
            return NotionPageId.parse(idOrUrl);
        } catch (InvalidDestinationException notAPage) {
            return null;
        }
    }
}
