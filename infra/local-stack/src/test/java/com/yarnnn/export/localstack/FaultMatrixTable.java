package com.yarnnn.export.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault matrix as a markdown table, one row per fault, printed as each row is measured and written whole to a
 * file after each, so a run that stops half-way still leaves the rows it measured.
 */
final class FaultMatrixTable {

    static final String HEADER = """
            | fault | exports | same-key retries (mapped) | deliveries per export | lost | duplicated | non-terminal | recovery |
            |---|---|---|---|---|---|---|---|""";

    record Row(String fault, String exports, String retries, String deliveries, int lost, int duplicated,
            int nonTerminal, String recovery) {

        String markdown() {
            return "| %s | %s | %s | %s | %d | %d | %d | %s |".formatted(fault, exports, retries, deliveries, lost,
                    duplicated, nonTerminal, recovery);
        }
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    FaultMatrixTable(Path file) {
        this.file = file;
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println(row.markdown());
        write();
    }

    /** A line under the table (how long the run took). */
    synchronized void note(String line) {
        notes.add(line);
        System.out.println(line);
        write();
    }

    synchronized String markdown() {
        StringBuilder table = new StringBuilder(HEADER).append('\n');
        rows.forEach(row -> table.append(row.markdown()).append('\n'));
        notes.forEach(note -> table.append('\n').append(note).append('\n'));
        return table.toString();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
