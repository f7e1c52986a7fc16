package com.yarnnn.export.connector.provider.gmail;

import com.yarnnn.export.connector.provider.markdown.DeliverableMarkdown;
import com.yarnnn.export.schemas.event.ExportRequested;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The email a deliverable becomes: its title as the subject, the markdown as the plain text alternative, the
 * markdown rendered to HTML as the HTML alternative, and a footer naming the export in both. The HTML is rendered
 * from {@link DeliverableMarkdown}'s tree, where raw HTML is already what it means (links, emphasis, line breaks,
 * images as links) and only absolute links are left: none of the markdown's own HTML reaches the email, and the
 * renderer would escape any that did.
 */
record DeliverableEmail(String subject, String text, String html) {

    private static final String FALLBACK_SUBJECT = "YARNNN deliverable";
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(DeliverableMarkdown.EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();
    private static final String STYLE = "body{font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1f2328}"
            + "table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:4px 8px}"
            + "code,pre{background:#f6f8fa}.footer{color:#656d76;font-size:12px}";

    static DeliverableEmail of(ExportRequested request) {
        String title = request.title().strip().replaceAll("\\s+", " ");
        String subject = title.isEmpty() ? FALLBACK_SUBJECT : title;
        String footer = "Sent by YARNNN · export " + request.exportId();
        return new DeliverableEmail(subject, text(subject, request.content(), footer), html(subject, request.content(), footer));
    }

    private static String text(String title, String markdown, String footer) {
        String body = markdown.endsWith("\n") ? markdown : markdown + "\n";
        return "# " + title + "\n\n" + body + "\n-- \n" + footer + "\n";
    }

    private static String html(String title, String markdown, String footer) {
        Node document = DeliverableMarkdown.parse(markdown);
        Heading heading = new Heading();
        heading.setLevel(1);
        heading.appendChild(new Text(title));
        document.prependChild(heading);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>" + STYLE + "</style></head><body>\n"
                + RENDERER.render(document)
                // the footer is fixed text and a UUID: nothing to escape
                + "<hr>\n<p class=\"footer\">" + footer + "</p>\n"
                + "</body></html>\n";
    }
}
