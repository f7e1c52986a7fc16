package com.yarnnn.export.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue 14). ArchUnit sees classes, not SQL, so this test reads the sources. The delivery
 * ledger, {@code export_delivery}, may appear in SQL only in export-consumer's main sources; {@code export_status} and
 * {@code export_log} may be written only by the statements of schemas' {@code StatusTableWrites}, which api-edge and
 * the projection both run. The Liquibase changelog under schemas defines all three. In Java, "in SQL" means inside a
 * string literal or text block (comments may name a table); other main sources (SQL, XML, YAML, properties) are read
 * whole. Tests are not scanned: they may read any table to check what happened.
 */
class TableOwnershipTest {

    private static final String LEDGER = "export_delivery";
    private static final Pattern LEDGER_NAME = Pattern.compile("\\b" + LEDGER + "\\b");
    private static final String CHANGELOG = "schemas/src/main/resources/db/changelog/";
    private static final List<String> OWNERS = List.of("export-consumer/src/main/", CHANGELOG);
    private static final Pattern STATUS_WRITE =
            Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+export_(status|log)\\b");
    private static final List<String> STATUS_WRITER =
            List.of("schemas/src/main/java/com/yarnnn/export/schemas/status/StatusTableWrites.java", CHANGELOG);
    private static final Set<String> SOURCE_TYPES = Set.of(".java", ".sql", ".xml", ".yaml", ".yml", ".properties");
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git");

    @Test
    void onlyExportConsumerNamesTheLedgerInItsSql() throws IOException {
        assertThat(sourcesWhoseSqlMatches(LEDGER_NAME, OWNERS))
                .as("main sources outside export-consumer whose SQL names %s (the delivery ledger is "
                        + "export-consumer's: tell it by an event or a header instead)", LEDGER)
                .isEmpty();
    }

    @Test
    void onlyStatusTableWritesWritesTheStatusAndTheLog() throws IOException {
        assertThat(sourcesWhoseSqlMatches(STATUS_WRITE, STATUS_WRITER))
                .as("main sources that write export_status or export_log themselves (add the statement to "
                        + "StatusTableWrites, beside the order it must follow)")
                .isEmpty();
    }

    @Test
    void aWriteToTheStatusTableIsRecognised() {
        String java = "String sql = \"\"\"\n        UPDATE  export_status set status = 'QUEUED'\"\"\";\n"
                + "String log = \"insert into export_log (id) values (:id)\";\n";

        assertThat(STATUS_WRITE.matcher(stringLiterals(java)).results().count()).isEqualTo(2);
        assertThat(STATUS_WRITE.matcher(stringLiterals("String read = \"select status from export_status\";"))
                .find()).isFalse();
    }

    /** Main sources outside the owners whose SQL matches, as paths from the checkout's root. */
    private static List<String> sourcesWhoseSqlMatches(Pattern sql, List<String> owners) throws IOException {
        Path root = repositoryRoot();
        return mainSources(root).stream()
                .filter(file -> sqlMatches(file, sql))
                .map(file -> separatorsAsSlashes(root.relativize(file)))
                .filter(path -> owners.stream().noneMatch(path::startsWith))
                .sorted()
                .toList();
    }

    @Test
    void stringLiteralsAreWhatCountsInJava() {
        String java = "/** Reopens the ledger (export_delivery) row. */\n"
                + "class Example {\n"
                + "    // select from export_delivery\n"
                + "    String url = \"https://example.com/\"; /* export_delivery */ char quote = '\"';\n"
                + "    String sql = \"\"\"\n"
                + "            update export_delivery set state = 'CLAIMED'\"\"\";\n"
                + "}\n";

        assertThat(LEDGER_NAME.matcher(stringLiterals(java)).find()).isTrue();
        assertThat(LEDGER_NAME.matcher(stringLiterals(java.replace("update export_delivery", "update export_status")))
                .find()).isFalse();
    }

    /** Every main source file of every module, without build output and installed packages. */
    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return NOT_SOURCES.contains(String.valueOf(dir.getFileName())) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = separatorsAsSlashes(root.relativize(file));
                if (attributes.isRegularFile() && path.contains("src/main/")
                        && SOURCE_TYPES.stream().anyMatch(path::endsWith)) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }

    private static boolean sqlMatches(Path file, Pattern sql) {
        try {
            String text = Files.readString(file);
            return sql.matcher(file.toString().endsWith(".java") ? stringLiterals(text) : text).find();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The contents of a Java source's string literals and text blocks, one a line; comments and code dropped. */
    private static String stringLiterals(String java) {
        StringBuilder literals = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                i = endOf(java, "\n", i + 2);
            } else if (java.startsWith("/*", i)) {
                i = endOf(java, "*/", i + 2);
            } else if (java.charAt(i) == '\'') {
                i = endOfQuoted(java, i + 1, "'", null);
            } else if (java.startsWith("\"\"\"", i)) {
                i = endOfQuoted(java, i + 3, "\"\"\"", literals);
            } else if (java.charAt(i) == '"') {
                i = endOfQuoted(java, i + 1, "\"", literals);
            } else {
                i++;
            }
        }
        return literals.toString();
    }

    private static int endOf(String java, String end, int from) {
        int at = java.indexOf(end, from);
        return at < 0 ? java.length() : at + end.length();
    }

    /** Skips a quoted literal from just after its opening quote, minding escapes; appends its content if asked. */
    private static int endOfQuoted(String java, int from, String quote, StringBuilder content) {
        int i = from;
        while (i < java.length() && !java.startsWith(quote, i)) {
            i += java.charAt(i) == '\\' ? 2 : 1;
        }
        if (content != null) {
            content.append(java, from, Math.min(i, java.length())).append('\n');
        }
        return Math.min(i + quote.length(), java.length());
    }

    private static String separatorsAsSlashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** The checkout's root: the first directory up from the module that holds the Maven wrapper and schemas/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("schemas"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with mvnw and schemas/) above "
                + Path.of("").toAbsolutePath());
    }
}
