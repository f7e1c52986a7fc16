package com.yarnnn.export.connector.provider.slack;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** The text of inline markdown without its formatting, for places Slack shows no formatting (link labels, tables). */
final class PlainText {

    private PlainText() {
    }

    static String of(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            append(child, out);
        }
        return out.toString();
    }

    /** Like {@link #of}, with each link's address after its text, where a table cannot link. */
    static String withAddresses(Node parent) {
        StringBuilder out = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link link) {
                String label = of(link);
                out.append(label);
                if (!label.equals(link.getDestination()) && !link.getDestination().isEmpty()) {
                    out.append(label.isEmpty() ? "" : " ").append('(').append(link.getDestination()).append(')');
                }
            } else if (child.getFirstChild() != null && !(child instanceof Image)) {
                out.append(withAddresses(child));
            } else {
                append(child, out);
            }
        }
        return out.toString();
    }

    private static void append(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(text.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral());
        } else if (node instanceof HtmlInline html) {
            out.append(html.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        } else {
            out.append(of(node));
        }
    }
}
