package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.ExportReference;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Over the shared corpus of real-world documents under {@code markdown/}, at several message limits. */
class SlackThreadComposerTest {

    private static final UUID EXPORT_ID = UUID.fromString("3f2a9c1e-8b7d-4e2f-9a61-0c5d4b3e2f10");
    private static final String TITLE = "Weekly <report> & notes";
    private static final String TITLE_LINE = "*Weekly &lt;report&gt; &amp; notes*";
    private static final String FOOTER = "_Exported from YARNNN · ref 3f2a9c1e_";
    private static final String THREAD_POINTER = "\n\n_Continued in the thread · ref " + ExportReference.shortId(EXPORT_ID) + "_";

    static Stream<Arguments> documentsAndLimits() throws IOException, URISyntaxException {
        Path corpus = Path.of(Objects.requireNonNull(SlackThreadComposerTest.class.getResource("/markdown")).toURI());
        List<Path> documents;
        try (Stream<Path> files = Files.list(corpus)) {
            documents = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(documents).hasSizeGreaterThanOrEqualTo(4);
        return documents.stream().flatMap(doc -> Stream.of(500, 1_200, 3_500)
                .map(limit -> Arguments.of(doc.getFileName().toString(), limit)));
    }

    @ParameterizedTest(name = "{0} at {1} chars")
    @MethodSource("documentsAndLimits")
    void everyDocumentFitsLosesNothingAndKeepsCodeBlocksClosed(String document, int limit) throws Exception {
        String markdown = Files.readString(Path.of(getClass().getResource("/markdown/" + document).toURI()));

        List<String> messages = new SlackThreadComposer(limit).compose(TITLE, markdown, EXPORT_ID);

        assertThat(messages).allSatisfy(message -> {
            assertThat(message.length()).isLessThanOrEqualTo(limit);
            assertThat(message).isNotBlank();
            assertThat(count(message, "```") % 2).as("code fences in a message are balanced").isZero();
        });
        assertThat(messages.get(0)).startsWith(TITLE_LINE + "\n\n");
        assertThat(messages.get(messages.size() - 1)).endsWith(FOOTER);
        assertThat(String.join("\n", messages)).containsOnlyOnce(FOOTER);
        assertSameWords(words(messagesBody(messages)), words(sourceText(markdown)));
    }

    @Test
    void theLongReportTakesSeveralMessagesAndItsCodeBlockIsReopenedInTheNext() throws Exception {
        String markdown = Files.readString(Path.of(getClass().getResource("/markdown/quarterly-review-long.md").toURI()));
        assertThat(markdown.length()).isGreaterThan(20_000);

        List<String> messages = new SlackThreadComposer(3_500).compose(TITLE, markdown, EXPORT_ID);

        assertThat(messages).hasSizeBetween(8, 12);
        long reopened = messages.stream().skip(1).filter(m -> m.startsWith("```\n")).count();
        assertThat(reopened).as("messages continuing a code block").isGreaterThanOrEqualTo(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isGreaterThan(500));
    }

    @Test
    void aShortDeliverableIsOneMessageWithTitleAndFooter() {
        List<String> messages = new SlackThreadComposer(3_500).compose("Status", "All **green**.", EXPORT_ID);

        assertThat(messages).containsExactly("*Status*\n\nAll *green*.\n\n" + FOOTER);
    }

    @Test
    void aLongQuotedParagraphIsCutBetweenWordsAndStaysQuoted() {
        String quote = "> " + "word ".repeat(300).strip();

        List<String> messages = new SlackThreadComposer(500).compose("T", quote, EXPORT_ID);

        assertThat(messages).hasSizeGreaterThan(3);
        assertThat(messages.subList(1, messages.size() - 1)).allSatisfy(m -> assertThat(m).startsWith("> word"));
    }

    @Test
    void aCodeBlockInsideAListIsClosedAndReopenedWithItsIndent() {
        StringBuilder code = new StringBuilder("- Run the checks:\n\n  ```sql\n");
        for (int i = 0; i < 60; i++) {
            code.append("  SELECT count(*) FROM exports WHERE batch = ").append(i).append(";\n");
        }
        code.append("  ```\n- Done\n");

        List<String> messages = new SlackThreadComposer(1_000).compose("T", code.toString(), EXPORT_ID);

        assertThat(messages).hasSizeGreaterThan(2);
        assertThat(messages.get(0)).contains("• Run the checks:\n    ```\n    SELECT").endsWith(";\n    ```" + THREAD_POINTER);
        assertThat(messages.get(1)).startsWith("    ```\n    SELECT").endsWith(";\n    ```");
        assertThat(messages.get(messages.size() - 1)).contains("    ```\n• Done\n\n" + FOOTER);
        assertThat(String.join("\n", messages).split("\n"))
                .filteredOn(line -> line.startsWith("    SELECT")).hasSize(60);
    }

    @Test
    void theFirstMessageOfAThreadNamesTheExportSoALaterAttemptFindsIt() {
        List<String> messages = new SlackThreadComposer(500).compose("T", "word ".repeat(400), EXPORT_ID);

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(500));
        assertThat(messages.get(0)).endsWith(THREAD_POINTER);
        assertThat(new SlackThreadComposer(500).compose("T", "short", EXPORT_ID)).singleElement()
                .asString().endsWith(FOOTER).doesNotContain("Continued");
    }

    /** The text of the messages without the title line and the footer: links as their labels, entities decoded. */
    private static String messagesBody(List<String> messages) {
        String all = String.join("\n", messages).replaceFirst(java.util.regex.Pattern.quote(THREAD_POINTER), "");
        return all.substring(TITLE_LINE.length(), all.length() - FOOTER.length())
                .replaceAll("<([^<>|]+)\\|([^<>]*)>", " $2 ").replaceAll("<([^<>|]+)>", " $1 ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\u200B", "");
    }

    /** What a reader sees of the markdown: its text and code, the text of its HTML (links show their labels). */
    static String sourceText(String markdown) {
        StringBuilder text = new StringBuilder();
        Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(markdown)
                .accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text node) {
                        text.append(node.getLiteral());
                    }

                    @Override
                    public void visit(Code node) {
                        text.append(node.getLiteral());
                    }

                    @Override
                    public void visit(FencedCodeBlock node) {
                        text.append(node.getLiteral()).append(' ');
                    }

                    @Override
                    public void visit(IndentedCodeBlock node) {
                        text.append(node.getLiteral()).append(' ');
                    }

                    @Override
                    public void visit(HtmlBlock node) {
                        text.append(Jsoup.parseBodyFragment(node.getLiteral()).text()).append(' ');
                    }

                    @Override
                    public void visit(SoftLineBreak node) {
                        text.append(' ');
                    }

                    @Override
                    public void visit(HardLineBreak node) {
                        text.append(' ');
                    }

                    @Override
                    protected void visitChildren(Node parent) {
                        super.visitChildren(parent);
                        if (parent instanceof Block || parent instanceof TableCell) {
                            text.append(' ');
                        }
                    }

                    @Override
                    public void visit(Link node) {
                        text.append(' ');
                        visitChildren(node);
                        text.append(' ');
                    }
                });
        return text.toString();
    }

    /**
     * The words of a text with mrkdwn and markdown syntax taken off (markers, bullets, numbering, quote marks,
     * addresses, punctuation next to an address), so the source and the messages compare word by word.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            String word = token.replaceAll("[*_~`>•◦▪─|()+\\-\\[\\]]", "");
            if (word.matches("\\d+[.)]") || word.contains("://") || word.startsWith("mailto:") || word.startsWith("./")) {
                continue;
            }
            word = word.replaceAll("^[.,;:!?]+|[.,;:!?]+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static void assertSameWords(List<String> actual, List<String> expected) {
        int at = 0;
        while (at < actual.size() && at < expected.size() && actual.get(at).equals(expected.get(at))) {
            at++;
        }
        assertThat(actual.subList(at, Math.min(actual.size(), at + 8)))
                .as("words from #%d after %s", at, actual.subList(Math.max(0, at - 5), at))
                .isEqualTo(expected.subList(at, Math.min(expected.size(), at + 8)));
        assertThat(actual).hasSameSizeAs(expected);
    }

    private static int count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }
}
