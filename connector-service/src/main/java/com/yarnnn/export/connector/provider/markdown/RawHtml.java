package com.yarnnn.export.connector.provider.markdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Replaces the raw HTML of a parsed document by what it means ({@link HtmlNodes}). An HTML block is read on its
 * own, unless it leaves a link open. Inline HTML is not: commonmark splits {@code <a href="x">text</a>} into an
 * opening tag, text and a closing tag, with markdown possibly between them, so a paragraph (heading, table cell)
 * holding inline HTML is written out as HTML whole and read back.
 */
final class RawHtml {

    private static final HtmlRenderer AS_HTML = HtmlRenderer.builder().extensions(DeliverableMarkdown.EXTENSIONS).build();

    private RawHtml() {
    }

    static void replaceIn(Node document) {
        for (HtmlBlock block : Nodes.all(document, HtmlBlock.class)) {
            if (Nodes.isWithin(block, document)) {
                List<Node> span = span(block);
                StringBuilder html = new StringBuilder();
                span.forEach(node -> html.append(node instanceof HtmlBlock raw ? raw.getLiteral() : AS_HTML.render(node)));
                span.subList(1, span.size()).forEach(Node::unlink);
                Nodes.replace(block, HtmlNodes.blocks(html.toString()));
            }
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

    /**
     * The block, and when it leaves a link open, the blocks after it up to the next HTML block, which closes the link:
     * a README may wrap markdown in a link that way ({@code <a href="…">}, a blank line, a markdown image, a blank
     * line, {@code </a>}), and a web page shows that markdown linked.
     */
    private static List<Node> span(HtmlBlock block) {
        if (!HtmlNodes.leavesLinkOpen(block.getLiteral())) {
            return List.of(block);
        }
        List<Node> span = new ArrayList<>(List.of(block));
        for (Node next = block.getNext(); next != null; next = next.getNext()) {
            span.add(next);
            if (next instanceof HtmlBlock) {
                return span;
            }
        }
        return List.of(block);
    }
}
