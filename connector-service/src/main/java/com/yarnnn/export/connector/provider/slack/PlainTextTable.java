package com.yarnnn.export.connector.provider.slack;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * A markdown table as aligned plain-text columns, for a code block: Slack messages have no tables, and a
 * monospaced block is what keeps the columns readable.
 */
final class PlainTextTable {

    private record Cell(String text, TableCell.Alignment alignment) {
    }

    private PlainTextTable() {
    }

    static String render(TableBlock table) {
        List<List<Cell>> rows = new ArrayList<>();
        int headerRows = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    rows.add(cells(row));
                    headerRows += section instanceof TableHead ? 1 : 0;
                }
            }
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<Cell> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c).text()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths)).append('\n');
            if (r == headerRows - 1) {
                out.append(rule(widths)).append('\n');
            }
        }
        return out.toString();
    }

    private static List<Cell> cells(Node row) {
        List<Cell> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell tableCell) {
                cells.add(new Cell(PlainText.of(tableCell).strip(), tableCell.getAlignment()));
            }
        }
        return cells;
    }

    private static String line(List<Cell> row, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            Cell cell = c < row.size() ? row.get(c) : new Cell("", null);
            out.append(c == 0 ? "" : " | ").append(pad(cell, widths[c]));
        }
        return out.toString().stripTrailing();
    }

    private static String pad(Cell cell, int width) {
        int space = width - width(cell.text());
        if (cell.alignment() == TableCell.Alignment.RIGHT) {
            return " ".repeat(space) + cell.text();
        }
        if (cell.alignment() == TableCell.Alignment.CENTER) {
            return " ".repeat(space / 2) + cell.text() + " ".repeat(space - space / 2);
        }
        return cell.text() + " ".repeat(space);
    }

    private static String rule(int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        return out.toString();
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
