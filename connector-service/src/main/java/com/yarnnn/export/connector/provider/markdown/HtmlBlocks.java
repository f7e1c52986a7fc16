package com.yarnnn.export.connector.provider.markdown;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Appends the blocks an HTML element holds to a commonmark container: {@code <p>}, {@code <h1>}…{@code <h6>},
 * lists, {@code <pre>}, {@code <blockquote>}, {@code <hr>} and {@code <table>} become their markdown blocks, a
 * {@code <details>}' {@code <summary>} a bold line, other block elements ({@code <div>}, {@code <center>}, …) their
 * content; inline content between blocks is gathered into paragraphs.
 */
final class HtmlBlocks {

    private final Node container;
    private Paragraph paragraph;

    HtmlBlocks(Node container) {
        this.container = container;
    }

    void children(Element element) {
        for (org.jsoup.nodes.Node child : element.childNodes()) {
            node(child);
        }
        endParagraph();
    }

    private void node(org.jsoup.nodes.Node node) {
        if (node instanceof Element element) {
            element(element);
        } else if (node instanceof TextNode text && (paragraph != null || !text.isBlank())) {
            HtmlNodes.inline(text, paragraph());
        }
    }

    private void element(Element element) {
        String tag = element.normalName();
        switch (tag) {
            case "p" -> addInline(filled(new Paragraph(), element));
            case "h1", "h2", "h3", "h4", "h5", "h6" -> addInline(filled(heading(tag.charAt(1) - '0'), element));
            case "summary" -> {
                Paragraph line = new Paragraph();
                line.appendChild(filled(new StrongEmphasis("**"), element));
                addInline(line);
            }
            case "ul", "ol" -> add(list(element));
            case "pre" -> add(code(element));
            case "blockquote" -> {
                BlockQuote quote = new BlockQuote();
                new HtmlBlocks(quote).children(element);
                add(quote);
            }
            case "hr" -> add(new ThematicBreak());
            case "table" -> {
                element.children().stream().filter(child -> child.normalName().equals("caption"))
                        .forEach(caption -> addInline(filled(new Paragraph(), caption)));
                HtmlTable.of(element).ifPresent(this::add);
            }
            case "br" -> {
                if (paragraph != null) {
                    HtmlNodes.inline(element, paragraph);
                }
            }
            default -> {
                if (HtmlNodes.DROPPED.contains(tag)) {
                    return;
                }
                if (HtmlNodes.BLOCKS.contains(tag)) {
                    endParagraph();
                    element.childNodes().forEach(this::node);
                    endParagraph();
                } else {
                    HtmlNodes.inline(element, paragraph());
                }
            }
        }
    }

    private static Node filled(Node holder, Element element) {
        HtmlNodes.inlineChildren(element, holder);
        return holder;
    }

    /** A paragraph or heading of inline nodes, tidied; added when it shows anything. */
    private void addInline(Node holder) {
        InlineWhitespace.tidy(holder);
        add(holder);
    }

    private void add(Node block) {
        endParagraph();
        boolean empty = block.getFirstChild() == null && !(block instanceof ThematicBreak)
                && !(block instanceof FencedCodeBlock code && !code.getLiteral().isBlank());
        if (!empty) {
            container.appendChild(block);
        }
    }

    private static Heading heading(int level) {
        Heading heading = new Heading();
        heading.setLevel(level);
        return heading;
    }

    private static ListBlock list(Element element) {
        ListBlock list;
        if (element.normalName().equals("ol")) {
            OrderedList ordered = new OrderedList();
            ordered.setMarkerStartNumber(startNumber(element));
            ordered.setMarkerDelimiter(".");
            list = ordered;
        } else {
            BulletList bullets = new BulletList();
            bullets.setMarker("-");
            list = bullets;
        }
        list.setTight(true);
        for (org.jsoup.nodes.Node child : element.childNodes()) {
            if (child instanceof TextNode text && text.isBlank()) {
                continue;
            }
            ListItem item = new ListItem();
            HtmlBlocks content = new HtmlBlocks(item);
            if (child instanceof Element li && li.normalName().equals("li")) {
                content.children(li);
            } else {
                content.node(child);
                content.endParagraph();
            }
            if (item.getFirstChild() != null) {
                list.appendChild(item);
            }
        }
        return list;
    }

    private static int startNumber(Element ol) {
        try {
            return ol.hasAttr("start") ? Integer.parseInt(ol.attr("start").strip()) : 1;
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    private static FencedCodeBlock code(Element pre) {
        FencedCodeBlock code = new FencedCodeBlock();
        code.setFenceCharacter("`");
        code.setOpeningFenceLength(3);
        code.setClosingFenceLength(3);
        // commonmark writes a fenced block's language as <code class="language-…">
        Element inner = pre.selectFirst("> code[class^=language-]");
        code.setInfo(inner != null ? inner.className().substring("language-".length()).split("\\s")[0] : "");
        String literal = pre.wholeText();
        code.setLiteral(literal.endsWith("\n") ? literal : literal + "\n");
        return code;
    }

    private Paragraph paragraph() {
        if (paragraph == null) {
            paragraph = new Paragraph();
            container.appendChild(paragraph);
        }
        return paragraph;
    }

    private void endParagraph() {
        if (paragraph != null) {
            InlineWhitespace.tidy(paragraph);
            if (paragraph.getFirstChild() == null) {
                paragraph.unlink();
            }
            paragraph = null;
        }
    }
}
