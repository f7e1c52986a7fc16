package com.yarnnn.export.connector.provider.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Whitespace of inline nodes built from HTML, as a browser shows it: runs of spaces and line ends are one space,
 * none at the start or end of a paragraph or around a line break, and none just inside emphasis or a link (moved
 * out: Slack ignores {@code * bold *}).
 */
final class InlineWhitespace {

    private InlineWhitespace() {
    }

    static String collapse(String text) {
        return text.replaceAll("[ \\t\\n\\r\\f]+", " ");
    }

    /** Tidies the inline children of a paragraph, heading, cell or emphasis. */
    static void tidy(Node holder) {
        normalise(holder);
        trimEdges(holder);
    }

    private static void normalise(Node parent) {
        List<Node> out = new ArrayList<>();
        for (Node child : Nodes.takeChildren(parent)) {
            if (isWrapper(child)) {
                normalise(child);
                boolean spaceBefore = child.getFirstChild() instanceof Text first && first.getLiteral().startsWith(" ");
                boolean spaceAfter = child.getLastChild() instanceof Text last && last.getLiteral().endsWith(" ");
                trimEdges(child);
                if (spaceBefore) {
                    addText(out, " ");
                }
                if (child.getFirstChild() != null) {
                    out.add(child);
                }
                if (spaceAfter) {
                    addText(out, " ");
                }
            } else if (child instanceof Text text) {
                addText(out, text.getLiteral());
            } else {
                out.add(child);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof HardLineBreak) {
                if (i > 0 && out.get(i - 1) instanceof Text before) {
                    before.setLiteral(before.getLiteral().stripTrailing());
                }
                if (i + 1 < out.size() && out.get(i + 1) instanceof Text after) {
                    after.setLiteral(after.getLiteral().stripLeading());
                }
            }
        }
        out.removeIf(node -> node instanceof Text text && text.getLiteral().isEmpty());
        Nodes.appendAll(parent, out);
    }

    private static void addText(List<Node> out, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Text last) {
            String joined = last.getLiteral() + text;
            last.setLiteral(joined.replace("  ", " "));
        } else {
            out.add(new Text(text));
        }
    }

    /** No space or line break at the start or end of the node's content. */
    private static void trimEdges(Node parent) {
        boolean changed = true;
        while (changed && parent.getFirstChild() != null) {
            changed = trimmed(parent.getFirstChild(), true) | trimmed(parent.getLastChild(), false);
        }
    }

    private static boolean trimmed(Node edge, boolean leading) {
        if (edge instanceof HardLineBreak) {
            edge.unlink();
            return true;
        }
        if (edge instanceof Text text) {
            String literal = text.getLiteral();
            String stripped = leading ? literal.stripLeading() : literal.stripTrailing();
            if (stripped.isEmpty()) {
                text.unlink();
                return true;
            }
            text.setLiteral(stripped);
        }
        return false;
    }

    private static boolean isWrapper(Node node) {
        return node instanceof Link || node instanceof Emphasis || node instanceof StrongEmphasis
                || node instanceof Strikethrough;
    }
}
