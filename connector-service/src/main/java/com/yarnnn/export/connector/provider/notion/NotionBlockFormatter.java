package com.yarnnn.export.connector.provider.notion;

import com.yarnnn.export.connector.provider.markdown.DeliverableMarkdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Turns a deliverable's markdown (CommonMark + GitHub tables and strikethrough) into Notion blocks that respect
 * Notion's limits: every rich-text item ≤ 2000 characters, ≤ 100 items per block (longer text continues in
 * blocks of the same type), blocks nested at most {@value #MAX_DEPTH} deep (deeper items follow their parent at
 * the deepest level), tables of ≤ 100 rows (longer ones continue in tables repeating the header row).
 * {@link NotionRequests} then packs the blocks into requests. Raw HTML, images and relative links are already
 * resolved by {@link DeliverableMarkdown}.
 *
 * <p>Block types are Notion's own (headings, lists, to-dos, quotes, code, dividers, tables). The Notion MCP
 * server's bundled OpenAPI spec advertises only paragraphs and bulleted items, but the server does not enforce
 * it: it forwards arguments verbatim (verified against 2.5.2 on the wire).
 */
public final class NotionBlockFormatter {

    static final int MAX_DEPTH = 2;
    static final int MAX_TEXT_LENGTH = 2000;
    static final int MAX_RICH_TEXT_ITEMS = 100;
    static final int MAX_TABLE_ROWS = 100;
    /** Text per block (and per table), so one block always fits in a request of ≤ 500 KB. */
    static final int MAX_BLOCK_TEXT = 60_000;

    /** One character is kept free for {@link JsonLookingText}'s mark. */
    private static final int PIECE_LENGTH = MAX_TEXT_LENGTH - 1;

    public List<NotionBlock> format(String markdown) {
        return blocks(DeliverableMarkdown.parse(markdown).getFirstChild(), 1);
    }

    /** A paragraph of the given runs (the export reference, for one), cut to Notion's limits. */
    static List<NotionBlock> paragraph(List<RichText> runs) {
        return textBlocks("paragraph", runs, Map.of());
    }

    /** Plain text as rich-text items (a page title, for one), cut to Notion's item length. */
    static List<Map<String, Object>> plainRichText(String text) {
        return pieces(InlineText.plain(text)).stream().map(RichText::toJson).toList();
    }

    private List<NotionBlock> blocks(Node first, int depth) {
        List<NotionBlock> out = new ArrayList<>();
        for (Node node = first; node != null; node = node.getNext()) {
            out.addAll(block(node, depth));
        }
        return out;
    }

    private List<NotionBlock> block(Node node, int depth) {
        if (node instanceof Heading heading) {
            return heading.getLevel() <= 3
                    ? textBlocks("heading_" + heading.getLevel(), InlineText.of(heading, TextStyle.PLAIN), Map.of())
                    : textBlocks("paragraph", InlineText.of(heading, TextStyle.PLAIN.withBold()), Map.of());
        } else if (node instanceof Paragraph paragraph) {
            return textBlocks("paragraph", InlineText.of(paragraph, TextStyle.PLAIN), Map.of());
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            String type = node instanceof BulletList ? "bulleted_list_item" : "numbered_list_item";
            List<NotionBlock> items = new ArrayList<>();
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                items.addAll(listItem((ListItem) item, type, depth));
            }
            return items;
        } else if (node instanceof BlockQuote quote) {
            return container("quote", Map.of(), quote.getFirstChild(), depth);
        } else if (node instanceof FencedCodeBlock code) {
            return code(code.getLiteral(), NotionCodeLanguage.of(code.getInfo()));
        } else if (node instanceof IndentedCodeBlock code) {
            return code(code.getLiteral(), NotionCodeLanguage.PLAIN_TEXT);
        } else if (node instanceof ThematicBreak) {
            return List.of(NotionBlock.leaf("divider", Map.of()));
        } else if (node instanceof TableBlock table) {
            return depth == 1 ? tables(table) : code(tableAsText(table), NotionCodeLanguage.PLAIN_TEXT);
        } else if (node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        return blocks(node.getFirstChild(), depth);
    }

    /**
     * An item's first paragraph is its text; what follows (more paragraphs, nested lists, code) its children.
     * A GitHub task marker ({@code [ ]}, {@code [x]}) at the start makes it a to-do.
     */
    private List<NotionBlock> listItem(ListItem item, String type, int depth) {
        if (!(item.getFirstChild() instanceof Paragraph paragraph)) {
            return container(type, List.of(), Map.of(), item.getFirstChild(), depth);
        }
        List<RichText> text = InlineText.of(paragraph, TextStyle.PLAIN);
        Map<String, Object> fields = Map.of();
        Boolean checked = taskMarker(paragraph);
        if (checked != null) {
            type = "to_do";
            fields = Map.of("checked", checked);
            text = dropPrefix(text, 3);
        }
        return container(type, text, fields, paragraph.getNext(), depth);
    }

    private List<NotionBlock> container(String type, Map<String, Object> fields, Node firstChild, int depth) {
        if (firstChild instanceof Paragraph paragraph) {
            return container(type, InlineText.of(paragraph, TextStyle.PLAIN), fields, paragraph.getNext(), depth);
        }
        return container(type, List.of(), fields, firstChild, depth);
    }

    /** Children nest below the block's last part while depth allows, else they follow it at the same depth. */
    private List<NotionBlock> container(String type, List<RichText> text, Map<String, Object> fields,
            Node firstChild, int depth) {
        List<NotionBlock> parts = new ArrayList<>(textBlocks(type, text, fields));
        if (depth < MAX_DEPTH) {
            int last = parts.size() - 1;
            parts.set(last, parts.get(last).withChildren(blocks(firstChild, depth + 1)));
        } else {
            parts.addAll(blocks(firstChild, depth));
        }
        return parts;
    }

    static Boolean taskMarker(Paragraph paragraph) {
        if (!(paragraph.getFirstChild() instanceof Text text)) {
            return null;
        }
        String literal = text.getLiteral();
        boolean marker = literal.length() >= 3 && literal.charAt(0) == '[' && literal.charAt(2) == ']'
                && (literal.length() == 3 || Character.isWhitespace(literal.charAt(3)));
        if (!marker || "xX ".indexOf(literal.charAt(1)) < 0) {
            return null;
        }
        return literal.charAt(1) != ' ';
    }

    /** The runs without their first {@code length} characters and the whitespace after them. */
    static List<RichText> dropPrefix(List<RichText> runs, int length) {
        List<RichText> rest = new ArrayList<>(runs);
        RichText first = rest.remove(0);
        String remaining = first.content().substring(length).stripLeading();
        if (!remaining.isEmpty()) {
            rest.add(0, new RichText(remaining, first.style(), first.link()));
        }
        return rest;
    }

    private static List<NotionBlock> code(String literal, String language) {
        String content = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return textBlocks("code", InlineText.plain(content), Map.of("language", language));
    }

    /** The table in Notion tables of at most {@value #MAX_TABLE_ROWS} rows, each starting with the header row. */
    private static List<NotionBlock> tables(TableBlock table) {
        List<List<List<RichText>>> rows = rows(table);
        int width = rows.get(0).size();
        List<NotionBlock> header = List.of(tableRow(rows.get(0), width));
        List<NotionBlock> out = new ArrayList<>();
        List<NotionBlock> chunk = new ArrayList<>(header);
        int chunkText = textLength(rows.get(0));
        for (List<List<RichText>> row : rows.subList(1, rows.size())) {
            int rowText = textLength(row);
            if (chunk.size() == MAX_TABLE_ROWS || (chunk.size() > 1 && chunkText + rowText > MAX_BLOCK_TEXT)) {
                out.add(table(width, chunk));
                chunk = new ArrayList<>(header);
                chunkText = textLength(rows.get(0));
            }
            chunk.add(tableRow(row, width));
            chunkText += rowText;
        }
        out.add(table(width, chunk));
        return out;
    }

    private static NotionBlock table(int width, List<NotionBlock> rows) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("table_width", width);
        fields.put("has_column_header", true);
        fields.put("has_row_header", false);
        return new NotionBlock("table", fields, rows);
    }

    /** Every row has exactly the header's number of cells, as Notion requires. */
    private static NotionBlock tableRow(List<List<RichText>> cells, int width) {
        List<Object> json = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            json.add(i < cells.size() ? pieces(cells.get(i)).stream().map(RichText::toJson).toList() : List.of());
        }
        return NotionBlock.leaf("table_row", Map.of("cells", json));
    }

    private static List<List<List<RichText>>> rows(TableBlock table) {
        List<List<List<RichText>>> rows = new ArrayList<>();
        collectRows(table, rows);
        return rows;
    }

    private static void collectRows(Node node, List<List<List<RichText>>> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<List<RichText>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(InlineText.of(cell, TextStyle.PLAIN));
                    }
                }
                rows.add(cells);
            } else {
                collectRows(child, rows);
            }
        }
    }

    /** A table too deep to nest as a Notion table: its rows as {@code a | b | c} lines. */
    private static String tableAsText(TableBlock table) {
        return rows(table).stream()
                .map(cells -> cells.stream().map(InlineText::plainText).collect(Collectors.joining(" | ")))
                .collect(Collectors.joining("\n"));
    }

    private static int textLength(List<List<RichText>> cells) {
        return cells.stream().mapToInt(cell -> InlineText.plainText(cell).length()).sum();
    }

    /**
     * The text as blocks of one type: runs cut into items of ≤ 2000 characters, grouped ≤ 100 items and
     * ≤ {@value #MAX_BLOCK_TEXT} characters per block. Empty text still makes one (empty) block.
     */
    private static List<NotionBlock> textBlocks(String type, List<RichText> runs, Map<String, Object> fields) {
        List<NotionBlock> blocks = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        int length = 0;
        for (RichText piece : pieces(runs)) {
            if (items.size() == MAX_RICH_TEXT_ITEMS
                    || (!items.isEmpty() && length + piece.content().length() > MAX_BLOCK_TEXT)) {
                blocks.add(textBlock(type, items, fields));
                items = new ArrayList<>();
                length = 0;
            }
            items.add(piece.toJson());
            length += piece.content().length();
        }
        blocks.add(textBlock(type, items, fields));
        return blocks;
    }

    private static NotionBlock textBlock(String type, List<Object> items, Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("rich_text", items);
        return NotionBlock.leaf(type, all);
    }

    /** Runs cut to Notion's item length, preferably after a line break or a space, never inside a code point. */
    private static List<RichText> pieces(List<RichText> runs) {
        List<RichText> pieces = new ArrayList<>();
        for (RichText run : runs) {
            String rest = run.content();
            while (rest.length() > PIECE_LENGTH) {
                int cut = cutPoint(rest);
                pieces.add(new RichText(rest.substring(0, cut), run.style(), run.link()));
                rest = rest.substring(cut);
            }
            pieces.add(new RichText(rest, run.style(), run.link()));
        }
        return pieces;
    }

    private static int cutPoint(String text) {
        int newline = text.lastIndexOf('\n', PIECE_LENGTH - 1);
        if (newline >= PIECE_LENGTH / 2) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', PIECE_LENGTH - 1);
        if (space >= PIECE_LENGTH / 2) {
            return space + 1;
        }
        return Character.isLowSurrogate(text.charAt(PIECE_LENGTH)) ? PIECE_LENGTH - 1 : PIECE_LENGTH;
    }
}
