package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayList;
import com.yarnnn.export.connector.provider.markdown.DeliverableMarkdown;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Markdown (CommonMark + GFM tables and strikethrough) to Slack mrkdwn, by walking commonmark's syntax tree:
 * {@code *bold*}, {@code _italic_}, {@code ~strike~}, {@code <url|text>} links, headings as bold lines, bullets
 * and numbers for lists (nested ones indented), {@code >} quotes, code spans and {@code ```} blocks, tables as
 * aligned columns in a code block (or, holding links, as lines that keep them), rules as a line. Raw HTML, images
 * and relative links are already resolved by {@link DeliverableMarkdown}. Each top-level element becomes one
 * {@link MrkdwnBlock}, so messages can be split between them.
 */
final class SlackMrkdwnFormatter {

    private static final String[] BULLETS = {"•", "◦", "▪"};
    private static final String INDENT = "    ";
    private static final String RULE = "──────────";

    List<MrkdwnBlock> format(String markdown) {
        List<MrkdwnBlock> blocks = new ArrayList<>();
        for (Node node = DeliverableMarkdown.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            MrkdwnWriter out = new MrkdwnWriter();
            block(node, out, 0);
            if (!out.isEmpty()) {
                blocks.add(out.toBlock());
            }
        }
        return blocks;
    }

    private void block(Node node, MrkdwnWriter out, int listDepth) {
        if (node instanceof Heading) {
            out.openStyle("*");
            inlines(node, out);
            out.closeStyle();
        } else if (node instanceof BlockQuote) {
            out.push("> ", "> ");
            children(node, out, listDepth);
            out.pop();
        } else if (node instanceof ListBlock list) {
            list(list, out, listDepth);
        } else if (node instanceof FencedCodeBlock code) {
            out.codeBlock(code.getLiteral());
        } else if (node instanceof IndentedCodeBlock code) {
            out.codeBlock(code.getLiteral());
        } else if (node instanceof TableBlock table) {
            table(table, out);
        } else if (node instanceof ThematicBreak) {
            out.markup(RULE);
        } else if (node instanceof LinkReferenceDefinition) {
            return;
        } else {
            inlines(node, out);
        }
    }

    private void children(Node parent, MrkdwnWriter out, int listDepth) {
        boolean first = true;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition) {
                continue;
            }
            if (!first) {
                out.newline();
            }
            block(child, out, listDepth);
            first = false;
        }
    }

    private void list(ListBlock list, MrkdwnWriter out, int listDepth) {
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList ordered && ordered.getMarkerDelimiter() != null
                ? ordered.getMarkerDelimiter() : ".";
        boolean first = true;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!first) {
                out.newline();
            }
            String marker = list instanceof OrderedList ? (number++) + delimiter
                    : BULLETS[Math.min(listDepth, BULLETS.length - 1)];
            out.push(marker + " ", INDENT);
            if (item.getFirstChild() == null) {
                out.markup("");
            }
            children(item, out, listDepth + 1);
            out.pop();
            first = false;
        }
    }

    private void inlines(Node parent, MrkdwnWriter out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
    }

    private void inline(Node node, MrkdwnWriter out) {
        if (node instanceof Text text) {
            out.text(text.getLiteral());
        } else if (node instanceof Code code) {
            code(code.getLiteral(), out);
        } else if (node instanceof StrongEmphasis) {
            styled("*", node, out);
        } else if (node instanceof Emphasis) {
            styled("_", node, out);
        } else if (node instanceof Strikethrough) {
            styled("~", node, out);
        } else if (node instanceof Link link) {
            link(link.getDestination(), PlainText.of(link), out);
        } else if (node instanceof SoftLineBreak) {
            out.text(" ");
        } else if (node instanceof HardLineBreak) {
            out.hardBreak();
        } else {
            inlines(node, out);
        }
    }

    private void styled(String marker, Node node, MrkdwnWriter out) {
        if (out.inStyle(marker)) {
            inlines(node, out);
            return;
        }
        out.openStyle(marker);
        inlines(node, out);
        out.closeStyle();
    }

    /** Slack code spans cannot hold a backtick; such a span is written as plain text instead. */
    private static void code(String literal, MrkdwnWriter out) {
        if (literal.contains("`")) {
            out.text(literal);
        } else if (!literal.isEmpty()) {
            out.markup("`" + SlackMrkdwn.escape(literal) + "`");
        }
    }

    /** {@code <url|label>}, or {@code <url>} where the label is the address itself. */
    private static void link(String destination, String label, MrkdwnWriter out) {
        out.markup(label.isBlank() || label.equals(destination)
                ? "<" + SlackMrkdwn.url(destination) + ">"
                : "<" + SlackMrkdwn.url(destination) + "|" + SlackMrkdwn.escape(label.strip()) + ">");
    }

    /**
     * A table as aligned columns in a code block; Slack shows no link inside one, so a table holding links is
     * written as lines instead, cells separated by {@code |}, the header's in bold.
     */
    private void table(TableBlock table, MrkdwnWriter out) {
        if (!holdsLink(table)) {
            out.codeBlock(MrkdwnTable.render(table));
            return;
        }
        boolean first = true;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!first) {
                    out.newline();
                }
                first = false;
                boolean firstCell = true;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (!firstCell) {
                        out.text(" | ");
                    }
                    firstCell = false;
                    if (section instanceof TableHead && cell.getFirstChild() != null) {
                        styled("*", cell, out);
                    } else {
                        inlines(cell, out);
                    }
                }
            }
        }
    }

    private static boolean holdsLink(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link || holdsLink(child)) {
                return true;
            }
        }
        return false;
    }
}
