package com.yarnnn.export.connector.provider.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;
import org.jsoup.nodes.Element;

/**
 * An HTML {@code <table>} as a GitHub table: its rows (of {@code <thead>}, {@code <tbody>}, {@code <tfoot>}, in
 * order), each cell's inline content and alignment, every row as wide as the widest (as markdown tables are). The first row is the
 * header when it is in {@code <thead>} or made of {@code <th>} cells.
 */
final class HtmlTable {

    private static final Map<String, TableCell.Alignment> ALIGNMENTS = Map.of("left", TableCell.Alignment.LEFT,
            "center", TableCell.Alignment.CENTER, "right", TableCell.Alignment.RIGHT);

    private HtmlTable() {
    }

    static Optional<TableBlock> of(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            if (child.normalName().equals("tr")) {
                rows.add(child);
            } else if (List.of("thead", "tbody", "tfoot").contains(child.normalName())) {
                child.children().stream().filter(row -> row.normalName().equals("tr")).forEach(rows::add);
            }
        }
        rows.removeIf(row -> cells(row).isEmpty());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int width = rows.stream().mapToInt(row -> cells(row).size()).max().orElseThrow();
        Element first = rows.get(0);
        boolean headed = first.parent() != null && first.parent().normalName().equals("thead")
                || cells(first).stream().allMatch(cell -> cell.normalName().equals("th"));
        TableBlock block = new TableBlock();
        Node body = new TableBody();
        if (headed) {
            TableHead head = new TableHead();
            head.appendChild(row(first, width, true));
            block.appendChild(head);
        } else {
            body.appendChild(row(first, width, false));
        }
        rows.subList(1, rows.size()).forEach(row -> body.appendChild(row(row, width, false)));
        if (body.getFirstChild() != null) {
            block.appendChild(body);
        }
        return Optional.of(block);
    }

    private static TableRow row(Element tr, int width, boolean header) {
        TableRow row = new TableRow();
        List<Element> cells = cells(tr);
        for (int i = 0; i < width; i++) {
            TableCell cell = new TableCell();
            cell.setHeader(header);
            if (i < cells.size()) {
                cell.setAlignment(ALIGNMENTS.get(cells.get(i).attr("align").toLowerCase(Locale.ROOT)));
                HtmlNodes.inlineChildren(cells.get(i), cell);
                InlineWhitespace.tidy(cell);
            }
            row.appendChild(cell);
        }
        return row;
    }

    private static List<Element> cells(Element tr) {
        return tr.children().stream().filter(cell -> cell.normalName().equals("td") || cell.normalName().equals("th"))
                .toList();
    }
}
