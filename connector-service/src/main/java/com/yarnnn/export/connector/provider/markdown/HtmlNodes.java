package com.yarnnn.export.connector.provider.markdown;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * What a fragment of raw HTML means, as the commonmark nodes the formatters already render. The markup itself never
 * survives: elements become their markdown equivalent or their content, attributes other than a link's or an image's
 * address and text are dropped, and so are comments and what scripts, styles and embedded frames hold. The fragment
 * is parsed as a browser would (jsoup), so unclosed and misnested tags mean what they mean on a web page.
 */
final class HtmlNodes {

    static final Set<String> DROPPED = Set.of("script", "style", "template", "iframe", "svg", "head", "title");
    /** Elements that begin and end a block: between blocks they are paragraphs, inside a paragraph line breaks. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "caption", "center", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tr", "ul");

    private static final Set<String> STRONG = Set.of("b", "strong");
    private static final Set<String> EMPHASIS = Set.of("i", "em", "cite", "var", "dfn");
    private static final Set<String> STRUCK = Set.of("del", "s", "strike");
    private static final Set<String> CODE = Set.of("code", "kbd", "samp", "tt");

    private HtmlNodes() {
    }

    /** An HTML block as block nodes (paragraphs, headings, lists, quotes, code blocks, tables, rules). */
    static List<Node> blocks(String html) {
        Node holder = new Document();
        new HtmlBlocks(holder).children(body(html));
        return Nodes.takeChildren(holder);
    }

    /** HTML inside a paragraph as inline nodes; block elements in it become line breaks. */
    static List<Node> inlines(String html) {
        Node holder = new Paragraph();
        inlineChildren(body(html), holder);
        InlineWhitespace.tidy(holder);
        return Nodes.takeChildren(holder);
    }

    /** Whether the fragment opens a link it does not close. */
    static boolean leavesLinkOpen(String html) {
        return Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true)).select("a[href]").stream()
                .anyMatch(link -> link.endSourceRange().isImplicit());
    }

    static void inlineChildren(Element element, Node into) {
        for (org.jsoup.nodes.Node child : element.childNodes()) {
            inline(child, into);
        }
    }

    static void inline(org.jsoup.nodes.Node node, Node into) {
        if (node instanceof TextNode text) {
            into.appendChild(new Text(InlineWhitespace.collapse(text.getWholeText())));
        } else if (node instanceof Element element) {
            inlineElement(element, into);
        }
    }

    private static void inlineElement(Element element, Node into) {
        String tag = element.normalName();
        if (DROPPED.contains(tag)) {
            return;
        }
        if (tag.equals("br")) {
            into.appendChild(new HardLineBreak());
        } else if (tag.equals("img")) {
            into.appendChild(image(element));
        } else if (tag.equals("a") && element.hasAttr("href")) {
            wrapped(new Link(element.attr("href"), titleOf(element)), element, into);
        } else if (STRONG.contains(tag)) {
            wrapped(new StrongEmphasis("**"), element, into);
        } else if (EMPHASIS.contains(tag)) {
            wrapped(new Emphasis("_"), element, into);
        } else if (STRUCK.contains(tag)) {
            wrapped(new Strikethrough("~~"), element, into);
        } else if (CODE.contains(tag)) {
            // line ends in a code span are spaces, as in markdown
            String literal = element.wholeText().replaceAll("\\s*\\R\\s*", " ");
            if (!literal.isBlank()) {
                into.appendChild(new Code(literal));
            }
        } else if (tag.equals("td") || tag.equals("th")) {
            into.appendChild(new Text(" "));
            inlineChildren(element, into);
        } else if (BLOCKS.contains(tag)) {
            lineBreak(into);
            inlineChildren(element, into);
            lineBreak(into);
        } else {
            inlineChildren(element, into);
        }
    }

    /** Its alternative text (else its title) as the image's text; {@link LinkTargets} decides what it becomes. */
    private static Image image(Element img) {
        Image image = new Image(img.attr("src"), titleOf(img));
        String text = img.hasAttr("alt") ? img.attr("alt") : img.attr("title");
        if (!text.isBlank()) {
            image.appendChild(new Text(InlineWhitespace.collapse(text).strip()));
        }
        return image;
    }

    private static String titleOf(Element element) {
        return element.hasAttr("title") ? element.attr("title") : null;
    }

    private static void wrapped(Node wrapper, Element element, Node into) {
        inlineChildren(element, wrapper);
        into.appendChild(wrapper);
    }

    private static void lineBreak(Node into) {
        if (into.getLastChild() != null && !(into.getLastChild() instanceof HardLineBreak)) {
            into.appendChild(new HardLineBreak());
        }
    }

    private static Element body(String html) {
        return Jsoup.parseBodyFragment(html).body();
    }
}
