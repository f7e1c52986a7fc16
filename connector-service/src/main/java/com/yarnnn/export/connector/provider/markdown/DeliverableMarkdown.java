package com.yarnnn.export.connector.provider.markdown;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * A deliverable's markdown (CommonMark + GitHub tables and strikethrough) as the syntax tree every formatter
 * renders: raw HTML already replaced by what it means ({@link RawHtml}) and links already pointing where they can
 * lead ({@link LinkTargets}), so the tree holds no HTML node, no image and no link a reader could not open.
 */
public final class DeliverableMarkdown {

    public static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create());

    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private DeliverableMarkdown() {
    }

    public static Node parse(String markdown) {
        Node document = PARSER.parse(markdown);
        RawHtml.replaceIn(document);
        LinkTargets.applyTo(document);
        return document;
    }
}
