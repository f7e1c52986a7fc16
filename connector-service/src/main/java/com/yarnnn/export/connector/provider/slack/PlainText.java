package com.yarnnn.export.connector.provider.slack;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
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

    private static void append(Node node, StringBuilder out) {
        if (node instanceof Text text) {
            out.append(text.getLiteral());
        } else if (node instanceof Code code) {
            out.append(code.getLiteral());
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            out.append(' ');
        } else {
            out.append(of(node));
        }
    }
}
