package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.provider.markdown.DeliverableMarkdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Writes a deliverable's markdown (CommonMark + GitHub tables and strikethrough, raw HTML and relative links already
 * resolved by {@link DeliverableMarkdown}) as the Notion-flavored markdown {@code notion-create-pages} takes as a
 * page's {@code content}. The dialect (Notion's enhanced markdown, served by the hosted MCP server as
 * {@code notion://docs/enhanced-markdown-spec} and published as <a
 * href="https://developers.notion.com/guides/data-apis/enhanced-markdown">developers.notion.com/guides/data-apis/enhanced-markdown</a>)
 * differs from CommonMark where it matters here:
 * <ul>
 * <li>children are indented with tabs, one per level; blank lines are dropped, so blocks are one per line;</li>
 * <li>headings go to level 4 (5 and 6 become 4), and take no children;</li>
 * <li>a quote is one line ({@code <br>} inside it); a second {@code >} line would be a second quote, so the
 * quote's further blocks become its children;</li>
 * <li>tables are {@code <table header-row="true">} with {@code <tr>}/{@code <td>} rows of rich text;</li>
 * <li>a GitHub alert ({@code > [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]},
 * {@code [!CAUTION]}) becomes a {@code <callout>} with an icon, a colour and the alert's name
 * (as written) in bold;</li>
 * <li>code blocks are literal (no escapes), fenced with more backticks than they hold.</li>
 * </ul>
 * Rich text is written by {@link NotionMarkdownText}. Colours: the spec's names ({@code gray}, {@code blue_bg}, …).
 */
public final class NotionMarkdownFormatter {

    static final int MAX_HEADING_LEVEL = 4;
    private static final Pattern ALERT = Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*");
    private static final Map<String, Alert> ALERTS = Map.of(
            "NOTE", new Alert("ℹ️", "blue_bg"),
            "TIP", new Alert("💡", "green_bg"),
            "IMPORTANT", new Alert("❗", "purple_bg"),
            "WARNING", new Alert("⚠️", "yellow_bg"),
            "CAUTION", new Alert("🛑", "red_bg"));
    private static final Pattern FENCE = Pattern.compile("^[ \\t]*(`{3,})", Pattern.MULTILINE);

    /** How a GitHub alert shows as a callout. */
    private record Alert(String icon, String color) {
    }

    private final List<String> lines = new ArrayList<>();

    private NotionMarkdownFormatter() {
    }

    /** The markdown as Notion-flavored markdown, one block a line. */
    public static String format(String markdown) {
        NotionMarkdownFormatter formatter = new NotionMarkdownFormatter();
        formatter.blocks(DeliverableMarkdown.parse(markdown).getFirstChild(), 0);
        return String.join("\n", formatter.lines);
    }

    private void blocks(Node first, int depth) {
        for (Node node = first; node != null; node = node.getNext()) {
            block(node, depth);
        }
    }

    private void block(Node node, int depth) {
        if (node instanceof Heading heading) {
            line(depth, "#".repeat(Math.min(heading.getLevel(), MAX_HEADING_LEVEL)) + " " + inline(heading));
        } else if (node instanceof Paragraph paragraph) {
            String text = inline(paragraph);
            if (!text.isBlank()) {
                line(depth, NotionMarkdownText.asParagraph(text));
            }
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int number = node instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                    ? ordered.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                listItem((ListItem) item, node instanceof BulletList ? "-" : number++ + ".", depth);
            }
        } else if (node instanceof BlockQuote quote) {
            quote(quote, depth);
        } else if (node instanceof FencedCodeBlock code) {
            code(code.getLiteral(), NotionCodeLanguage.of(code.getInfo()), depth);
        } else if (node instanceof IndentedCodeBlock code) {
            code(code.getLiteral(), NotionCodeLanguage.PLAIN_TEXT, depth);
        } else if (node instanceof ThematicBreak) {
            line(depth, "---");
        } else if (node instanceof TableBlock table) {
            table(table, depth);
        } else if (!(node instanceof LinkReferenceDefinition)) {
            blocks(node.getFirstChild(), depth);
        }
    }

    /** The item's first paragraph is its text (a task marker makes it a to-do); the rest its children. */
    private void listItem(ListItem item, String marker, int depth) {
        Node children = item.getFirstChild();
        String text = "";
        if (children instanceof Paragraph paragraph) {
            List<RichText> runs = InlineText.of(paragraph, TextStyle.PLAIN);
            Boolean checked = NotionBlockFormatter.taskMarker(paragraph);
            if (checked != null && "-".equals(marker)) {
                marker = checked ? "- [x]" : "- [ ]";
                runs = NotionBlockFormatter.dropPrefix(runs, 3);
            }
            text = NotionMarkdownText.of(runs);
            children = paragraph.getNext();
        }
        line(depth, text.isEmpty() ? marker : marker + " " + text);
        blocks(children, depth + 1);
    }

    private void quote(BlockQuote quote, int depth) {
        Node first = quote.getFirstChild();
        if (!(first instanceof Paragraph paragraph)) {
            // an empty quote line shows as an empty quote: its blocks stand on their own
            blocks(first, depth);
            return;
        }
        List<RichText> runs = InlineText.of(paragraph, TextStyle.PLAIN);
        Matcher alert = ALERT.matcher(InlineText.plainText(runs));
        if (alert.find()) {
            Alert look = ALERTS.get(alert.group(1));
            line(depth, "<callout icon=\"" + look.icon() + "\" color=\"" + look.color() + "\">");
            line(depth + 1, "**" + alert.group(1) + "**");
            String rest = NotionMarkdownText.of(NotionBlockFormatter.dropPrefix(runs, alert.group().strip().length()));
            if (!rest.isBlank()) {
                line(depth + 1, rest);
            }
            blocks(paragraph.getNext(), depth + 1);
            line(depth, "</callout>");
            return;
        }
        line(depth, "> " + NotionMarkdownText.of(runs));
        blocks(paragraph.getNext(), depth + 1);
    }

    private void code(String literal, String language, int depth) {
        String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        int longest = 2;
        for (Matcher fence = FENCE.matcher(body); fence.find();) {
            longest = Math.max(longest, fence.group(1).length());
        }
        String fence = "`".repeat(longest + 1);
        line(depth, fence + (NotionCodeLanguage.PLAIN_TEXT.equals(language) ? "" : language));
        for (String codeLine : body.split("\n", -1)) {
            line(depth, codeLine);
        }
        line(depth, fence);
    }

    /** Every row as wide as the header, as Notion's tables are. */
    private void table(TableBlock table, int depth) {
        List<List<String>> rows = new ArrayList<>();
        collectRows(table, rows);
        int width = rows.get(0).size();
        line(depth, "<table header-row=\"true\">");
        for (List<String> row : rows) {
            line(depth + 1, "<tr>");
            for (int i = 0; i < width; i++) {
                line(depth + 2, "<td>" + (i < row.size() ? row.get(i) : "") + "</td>");
            }
            line(depth + 1, "</tr>");
        }
        line(depth, "</table>");
    }

    private static void collectRows(Node node, List<List<String>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inline(cell));
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    private static String inline(Node container) {
        return NotionMarkdownText.of(InlineText.of(container, TextStyle.PLAIN));
    }

    private void line(int depth, String text) {
        lines.add("\t".repeat(depth) + text);
    }
}
