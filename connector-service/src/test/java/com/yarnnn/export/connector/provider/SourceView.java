package com.yarnnn.export.connector.provider;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * What a reader of the source sees, found independently of the formatters: the markdown rendered as a web page would
 * render it (commonmark with its raw HTML passed through, read by jsoup as a browser reads it).
 *
 * @param words            the visible words (scripts, styles and comments show none; images show pictures, not words)
 * @param textOutsideCode  the visible text outside code, where markup written as text counts as the author's
 * @param links            the absolute addresses of its links, those of linked images included
 * @param linkedImagesOnly addresses of images that appear only inside links: what such a link must not lead to
 */
record SourceView(Map<String, Integer> words, String textOutsideCode, Set<String> links, Set<String> linkedImagesOnly) {

    private static final List<org.commonmark.Extension> EXTENSIONS =
            List.of(TablesExtension.create(), StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final Pattern TASK_MARKER = Pattern.compile("^\\[[ xX]](\\s|$)");
    private static final HtmlRenderer PAGE = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    static SourceView of(String markdown) {
        Document page = Jsoup.parseBodyFragment(PAGE.render(PARSER.parse(markdown)));
        page.select("script, style, template").remove();
        // GitHub shows a task item's [ ] or [x] as a checkbox
        for (Element item : page.select("li")) {
            if (item.childNode(0) instanceof TextNode first) {
                first.text(TASK_MARKER.matcher(first.getWholeText()).replaceFirst(""));
            }
        }
        Set<String> links = new HashSet<>();
        page.select("a[href]").forEach(a -> ReaderText.absoluteAddress(a.attr("href")).ifPresent(links::add));
        Set<String> linkedImages = new HashSet<>();
        Set<String> otherImages = new HashSet<>();
        for (Element img : page.select("img[src]")) {
            ReaderText.absoluteAddress(img.attr("src")).ifPresent(src ->
                    (img.closest("a[href]") != null ? linkedImages : otherImages).add(src));
        }
        linkedImages.removeAll(otherImages);
        linkedImages.removeAll(links);
        Map<String, Integer> words = ReaderText.words(page.body().text());
        page.select("code, pre").remove();
        return new SourceView(words, page.body().text(), links, linkedImages);
    }
}
