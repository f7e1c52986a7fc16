package com.yarnnn.export.connector.provider;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a reader of one provider's output sees: its text, the part of it outside code, the addresses its links lead
 * to, and where the output broke a limit of the provider's.
 */
record DeliveredView(String text, String textOutsideCode, Set<String> links, List<String> brokenLimits) {

    private static final Pattern SLACK_LINK = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");
    private static final Pattern SLACK_CODE = Pattern.compile("```.*?```|`[^`\\n]+`", Pattern.DOTALL);
    private static final Pattern SLACK_CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create(),
            StrikethroughExtension.create());

    /** Slack mrkdwn: {@code <url|label>} shows the label, entities are decoded, code is fenced or in backticks. */
    static DeliveredView slack(List<String> messages, int maxChars) {
        List<String> broken = new ArrayList<>();
        Set<String> links = new HashSet<>();
        StringBuilder text = new StringBuilder();
        StringBuilder outsideCode = new StringBuilder();
        for (String message : messages) {
            if (message.length() > maxChars) {
                broken.add("a message of " + message.length() + " chars, over " + maxChars);
            }
            if ((message.length() - message.replace("```", "").length()) / 3 % 2 != 0) {
                broken.add("a message with an unclosed code block");
            }
            Matcher link = SLACK_LINK.matcher(message);
            while (link.find()) {
                ReaderText.absoluteAddress(slackDecoded(link.group(1))).ifPresent(links::add);
            }
            text.append(slackShown(message)).append('\n');
            outsideCode.append(slackShown(SLACK_CODE.matcher(message).replaceAll(" "))).append('\n');
        }
        return new DeliveredView(text.toString(), outsideCode.toString(), links, broken);
    }

    /**
     * Standard markdown (Slack's hosted server): each message read by a CommonMark parser, as Slack's markdown block
     * reads it. Raw HTML in a message is a broken limit (Slack would have to guess at it); the rest is rendered and
     * read as HTML is.
     */
    static DeliveredView slackMarkdown(List<String> messages, int maxChars) {
        Parser parser = Parser.builder().extensions(GFM).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(GFM).build();
        List<String> broken = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (String message : messages) {
            if (message.length() > maxChars) {
                broken.add("a message of " + message.length() + " chars, over " + maxChars);
            }
            Node document = parser.parse(message);
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(HtmlInline node) {
                    broken.add("raw HTML in a message: " + node.getLiteral());
                }

                @Override
                public void visit(HtmlBlock node) {
                    broken.add("raw HTML in a message: " + node.getLiteral().strip());
                }
            });
            html.append(renderer.render(document));
        }
        Document read = Jsoup.parse(html.toString());
        Set<String> links = new HashSet<>();
        read.select("a[href]").forEach(a -> ReaderText.absoluteAddress(a.attr("href")).ifPresent(links::add));
        String text = read.body().text().replace(ZERO_WIDTH_SPACE, "");
        read.select("code, pre").remove();
        return new DeliveredView(text, read.body().text().replace(ZERO_WIDTH_SPACE, ""), links, broken);
    }

    /** Notion blocks as sent: rich text items, code blocks and code annotations, table cells, nesting. */
    static DeliveredView notion(List<List<Map<String, Object>>> requests) {
        NotionWalk walk = new NotionWalk();
        requests.forEach(walk::request);
        return new DeliveredView(walk.text(), walk.textOutsideCode(), walk.links(), walk.broken());
    }

    /** An email's HTML part as a mail client shows it; the renderer's own elements and attributes only. */
    static DeliveredView email(String html, Set<String> allowedElements, Set<String> allowedAttributes) {
        Document mail = Jsoup.parse(html);
        Set<String> broken = new LinkedHashSet<>();
        for (Element element : mail.body().getAllElements()) {
            if (!allowedElements.contains(element.normalName())) {
                broken.add("an element the renderer does not write: <" + element.normalName() + ">");
            }
            element.attributes().forEach(attribute -> {
                if (!allowedAttributes.contains(attribute.getKey())) {
                    broken.add("an attribute the renderer does not write: " + attribute.getKey());
                }
            });
        }
        Set<String> links = new HashSet<>();
        mail.select("a[href]").forEach(a -> ReaderText.absoluteAddress(a.attr("href")).ifPresent(links::add));
        String text = mail.body().text();
        mail.select("code, pre").remove();
        return new DeliveredView(text, mail.body().text(), links, List.copyOf(broken));
    }

    /** What Slack shows: link labels, code spans without backticks (`Uint8Array`s reads Uint8Arrays), decoded text. */
    private static String slackShown(String mrkdwn) {
        String shown = SLACK_LINK.matcher(mrkdwn).replaceAll(link -> Matcher.quoteReplacement(
                link.group(2) != null ? link.group(2) : link.group(1)));
        String[] fenced = shown.split("```", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fenced.length; i++) {
            out.append(i % 2 == 1 ? fenced[i] : SLACK_CODE_SPAN.matcher(fenced[i]).replaceAll("$1")).append('\n');
        }
        return slackDecoded(out.toString()).replace(ZERO_WIDTH_SPACE, "");
    }

    private static String slackDecoded(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
