package com.yarnnn.export.connector.provider.markdown;

import java.util.LinkedHashSet;
import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Replaces the raw HTML of a parsed document by what it means ({@link HtmlNodes}). An HTML block is read on its
 * own. Inline HTML is not: commonmark splits {@code <a href="x">text</a>} into an opening tag, text and a closing
 * tag, with markdown possibly between them, so a paragraph (heading, table cell) holding inline HTML is written
 * out as HTML whole and read back.
 */
final class RawHtml {

    private static final HtmlRenderer AS_HTML = HtmlRenderer.builder().extensions(DeliverableMarkdown.EXTENSIONS).build();

    private RawHtml() {
    }

    static void replaceIn(Node document) {
        for (HtmlBlock block : Nodes.all(document, HtmlBlock.class)) {
            Nodes.replace(block, HtmlNodes.blocks(block.getLiteral()));
        }
        Set<Node> holders = new LinkedHashSet<>();
        for (HtmlInline html : Nodes.all(document, HtmlInline.class)) {
            holders.add(Nodes.inlineHolder(html));
        }
        for (Node holder : holders) {
            StringBuilder html = new StringBuilder();
            for (Node child : Nodes.takeChildren(holder)) {
                html.append(AS_HTML.render(child));
            }
            Nodes.appendAll(holder, HtmlNodes.inlines(html.toString()));
        }
    }
}
