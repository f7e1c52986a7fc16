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
 * Markdown (CommonMark + GFM tables and strikethrough) to a message's {@link SlackMarkup}, by walking commonmark's
 * syntax tree: bold, italic, strikethrough, links, headings (bold lines in mrkdwn), bullets and numbers for lists
 * (nested ones indented), {@code >} quotes, code spans and {@code ```} blocks, tables as aligned columns in a code
 * block (or, holding links, as lines that keep them), rules as a line. Raw HTML, images and relative links are
 * already resolved by {@link DeliverableMarkdown}. Each top-level element becomes one {@link SlackTextBlock}, so
 * messages can be split between them.
 */
final class SlackMessageFormatter {

    /** Standard markdown keeps a line in its list item when indented as deep as the item's text: "- " and "99. " fit. */
    private static final String INDENT = "    ";
    private static final String RULE = "──────────";

    private final SlackMarkup markup;
    private final int maxLinkChars;

    /** @param maxLinkChars the longest link that fits a message; a longer one is written as its label */
    SlackMessageFormatter(SlackMarkup markup, int maxLinkChars) {
        this.markup = markup;
        this.maxLinkChars = maxLinkChars;
    }

    List<SlackTextBlock> format(String markdown) {
        List<SlackTextBlock> blocks = new ArrayList<>();
        for (Node node = DeliverableMarkdown.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
            SlackTextWriter out = new SlackTextWriter(markup);
            block(node, out, 0);
            if (!out.isEmpty()) {
                blocks.add(out.toBlock());
            }
        }
        return blocks;
    }

    private void block(Node node, SlackTextWriter out, int listDepth) {
        if (node instanceof Heading heading) {
            heading(heading, out);
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

    private void children(Node parent, SlackTextWriter out, int listDepth) {
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

    private void list(ListBlock list, SlackTextWriter out, int listDepth) {
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
                    : markup.bullet(listDepth);
            out.push(marker + " ", INDENT);
            if (item.getFirstChild() == null) {
                out.markup("");
            }
            children(item, out, listDepth + 1);
            out.pop();
            first = false;
        }
    }

    private void inlines(Node parent, SlackTextWriter out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
    }

    private void inline(Node node, SlackTextWriter out) {
        if (node instanceof Text text) {
            out.text(text.getLiteral());
        } else if (node instanceof Code code) {
            code(code.getLiteral(), out);
        } else if (node instanceof StrongEmphasis) {
            styled(markup.bold(), node, out);
        } else if (node instanceof Emphasis) {
            styled(markup.italic(), node, out);
        } else if (node instanceof Strikethrough) {
            styled(markup.strikethrough(), node, out);
        } else if (node instanceof Link link) {
            link(link, out);
        } else if (node instanceof SoftLineBreak) {
            out.text(" ");
        } else if (node instanceof HardLineBreak) {
            out.hardBreak();
        } else {
            inlines(node, out);
        }
    }

    private void styled(String marker, Node node, SlackTextWriter out) {
        if (out.inStyle(marker)) {
            inlines(node, out);
            return;
        }
        out.openStyle(marker);
        inlines(node, out);
        out.closeStyle();
    }

    /** Mrkdwn has no headings: a bold line stands for one there. */
    private void heading(Heading heading, SlackTextWriter out) {
        String prefix = markup.headingPrefix(heading.getLevel());
        if (prefix.isEmpty()) {
            styled(markup.bold(), heading, out);
            return;
        }
        out.markup(prefix);
        inlines(heading, out);
    }

    /** A link that would have to be cut between two messages is no link in either, so only its label is written. */
    private void link(Link link, SlackTextWriter out) {
        String label = PlainText.of(link);
        String written = markup.link(link.getDestination(), label);
        if (written.length() <= maxLinkChars) {
            out.markup(written);
        } else {
            out.text(label.isBlank() ? link.getDestination() : label);
        }
    }

    /** A span the markup cannot hold is written as text. */
    private void code(String literal, SlackTextWriter out) {
        if (literal.isEmpty()) {
            return;
        }
        String span = markup.codeSpan(literal);
        if (span.isEmpty()) {
            out.text(literal);
        } else {
            out.markup(span);
        }
    }

    /**
     * A table as aligned columns in a code block (neither mrkdwn nor Slack's markdown block has tables); Slack
     * shows no link inside a code block, so a table holding links is written as lines instead, cells separated by
     * {@code |}, the header's in bold.
     */
    private void table(TableBlock table, SlackTextWriter out) {
        if (!holdsLink(table)) {
            out.codeBlock(PlainTextTable.render(table));
            return;
        }
        boolean first = true;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!first) {
                    out.lineBreak();
                }
                first = false;
                boolean firstCell = true;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (!firstCell) {
                        out.text(" | ");
                    }
                    firstCell = false;
                    if (section instanceof TableHead && cell.getFirstChild() != null) {
                        styled(markup.bold(), cell, out);
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
