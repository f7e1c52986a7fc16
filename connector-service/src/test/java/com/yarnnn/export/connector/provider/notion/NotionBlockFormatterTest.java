package com.yarnnn.export.connector.provider.notion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class NotionBlockFormatterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TASK_MARKER = Pattern.compile("^\\[[ xX]](\\s+|$)");

    private final NotionBlockFormatter formatter = new NotionBlockFormatter();

    @ParameterizedTest
    @ValueSource(strings = {"notion-weekly-report.md", "notion-engineering-rfc.md", "notion-edge-cases.md",
            "notion-quarterly-review.md"})
    void everyRequestStaysWithinNotionsLimits(String document) throws IOException {
        List<List<Map<String, Object>>> requests = requests(read(document));

        assertThat(requests).isNotEmpty();
        for (List<Map<String, Object>> children : requests) {
            assertThat(children).hasSizeLessThanOrEqualTo(100);
            assertThat(children.stream().mapToInt(NotionBlockFormatterTest::blockCount).sum()).isLessThanOrEqualTo(1000);
            assertThat(JSON.writeValueAsBytes(children).length).isLessThanOrEqualTo(500_000);
            children.forEach(block -> assertWithinLimits(block, 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"notion-weekly-report.md", "notion-engineering-rfc.md", "notion-edge-cases.md",
            "notion-quarterly-review.md"})
    void noTextIsLost(String document) throws IOException {
        String markdown = read(document);
        StringBuilder sent = new StringBuilder();
        Map<String, Object> previous = Map.of("type", "none");
        for (List<Map<String, Object>> children : requests(markdown)) {
            for (Map<String, Object> block : children) {
                appendText(continuedTable(previous, block) ? withoutHeaderRow(block) : block, sent);
                previous = block;
            }
        }

        assertThat(words(sent.toString())).containsExactlyElementsOf(words(sourceText(markdown)));
    }

    @Test
    void theLongReportNeedsSeveralRequests() throws IOException {
        String report = read("notion-quarterly-review.md");

        assertThat(report.length()).isGreaterThan(20_000);
        assertThat(requests(report)).hasSizeGreaterThan(1);
    }

    @Test
    void mapsMarkdownToNotionBlockTypes() throws IOException {
        List<String> types = new ArrayList<>();
        requests(read("notion-weekly-report.md")).forEach(children -> children.forEach(block -> collectTypes(block, types)));

        assertThat(types).contains("heading_1", "heading_2", "heading_3", "paragraph", "bulleted_list_item",
                "numbered_list_item", "to_do", "quote", "code", "divider", "table", "table_row");
    }

    @Test
    void annotatesInlineStylesAndKeepsLinks() {
        List<Map<String, Object>> items = richText(single("**bold** *italic* ~~gone~~ `code` [site](https://example.com)"));

        assertThat(items).extracting(item -> text(item).get("content"))
                .containsExactly("bold", " ", "italic", " ", "gone", " ", "code", " ", "site");
        assertThat(items.get(0)).containsEntry("annotations", Map.of("bold", true));
        assertThat(items.get(2)).containsEntry("annotations", Map.of("italic", true));
        assertThat(items.get(4)).containsEntry("annotations", Map.of("strikethrough", true));
        assertThat(items.get(6)).containsEntry("annotations", Map.of("code", true));
        assertThat(text(items.get(8))).containsEntry("link", Map.of("url", "https://example.com"));
    }

    @Test
    void relativeAndOverlongLinksKeepTheirTextOnly() {
        String longUrl = "https://example.com/?" + "q".repeat(2000);
        List<Map<String, Object>> items = richText(single("[setup](../setup.md) and [dash](" + longUrl + ")"));

        assertThat(items).hasSize(1);
        assertThat(text(items.get(0))).containsEntry("content", "setup and dash").doesNotContainKey("link");
    }

    @Test
    void imagesBecomeLinkParagraphs() {
        Map<String, Object> block = single("![Latency chart](https://cdn.example.com/latency.png)");

        assertThat(block).containsEntry("type", "paragraph");
        assertThat(text(richText(block).get(0))).containsEntry("content", "Latency chart")
                .containsEntry("link", Map.of("url", "https://cdn.example.com/latency.png"));
    }

    @Test
    void addressesAUrlCannotHoldAsTheyAreAreEscapedNotDropped() {
        List<Map<String, Object>> items = richText(single(
                "[chat](https://matrix.to/#/#jsdom:matrix.org) [pipe](<https://x.io/a|b c?q=50%25&r=100%>)"));

        assertThat(text(items.get(0))).containsEntry("link", Map.of("url", "https://matrix.to/#/%23jsdom:matrix.org"));
        assertThat(text(items.get(2))).containsEntry("link", Map.of("url", "https://x.io/a%7Cb%20c?q=50%25&r=100%25"));
    }

    @Test
    void anImageInsideALinkLeadsWhereTheLinkLeads() {
        List<Map<String, Object>> items = richText(single("[![build](https://ci.example/badge.svg)](https://ci.example/job/1)"));

        assertThat(items).singleElement().satisfies(item -> assertThat(text(item)).containsEntry("content", "build")
                .containsEntry("link", Map.of("url", "https://ci.example/job/1")));
    }

    @Test
    void anchorsAndRelativeLinksKeepTheirTextOnly() {
        List<Map<String, Object>> items = richText(single("[Install](#install), [log](CHANGELOG.md)"));

        assertThat(items).singleElement().satisfies(item -> assertThat(text(item))
                .containsEntry("content", "Install, log").doesNotContainKey("link"));
    }

    @Test
    void htmlShowsWhatItMeansNotItsMarkup() {
        List<NotionBlock> blocks = formatter.format("""
                <!-- badges -->
                <p align="center">
                  <a href="https://ci.example/job"><img src="https://ci.example/b.svg" alt="build"></a>
                  <b>bold</b><br>next <!-- note -->
                </p>

                <h2>Install</h2>
                """);

        assertThat(blocks).extracting(NotionBlock::type).containsExactly("paragraph", "heading_2");
        List<Map<String, Object>> items = richText(blocks.get(0).toJson());
        assertThat(items).extracting(item -> text(item).get("content")).containsExactly("build", " ", "bold", "\nnext");
        assertThat(text(items.get(0))).containsEntry("link", Map.of("url", "https://ci.example/job"));
        assertThat(items.get(2)).containsEntry("annotations", Map.of("bold", true));
        assertThat(plain(blocks.get(1))).isEqualTo("Install");
    }

    @Test
    void headingsBelowLevelThreeAreBoldParagraphs() {
        Map<String, Object> block = single("#### Details");

        assertThat(block).containsEntry("type", "paragraph");
        assertThat(richText(block).get(0)).containsEntry("annotations", Map.of("bold", true));
    }

    @Test
    void codeBlocksGetANotionLanguageAndLongCodeIsSplitIntoItems() {
        String code = "x = 1\n".repeat(1000);
        Map<String, Object> python = single("```py\n" + code + "```");
        Map<String, Object> unknown = single("```brainfuck\n+++\n```");

        assertThat(body(python)).containsEntry("language", "python");
        assertThat(richText(python)).hasSizeGreaterThan(3)
                .allSatisfy(item -> assertThat((String) text(item).get("content")).hasSizeLessThanOrEqualTo(2000));
        assertThat(richText(python).stream().map(item -> (String) text(item).get("content")).reduce("", String::concat))
                .isEqualTo(code.substring(0, code.length() - 1));
        assertThat(body(unknown)).containsEntry("language", "plain text");
    }

    @Test
    void taskItemsBecomeToDos() {
        List<NotionBlock> blocks = formatter.format("- [x] shipped\n- [ ] pending\n- [link](https://x.y) item");

        assertThat(blocks).extracting(NotionBlock::type).containsExactly("to_do", "to_do", "bulleted_list_item");
        assertThat(blocks.get(0).fields()).containsEntry("checked", true);
        assertThat(blocks.get(1).fields()).containsEntry("checked", false);
        assertThat(richText(blocks.get(0).toJson())).extracting(item -> text(item).get("content")).containsExactly("shipped");
    }

    @Test
    void nestingDeeperThanTwoLevelsFollowsTheDeepestParent() {
        List<NotionBlock> blocks = formatter.format("- a\n  - b\n    - c\n      - d\n- e");

        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).children()).extracting(NotionBlockFormatterTest::plain).containsExactly("b", "c", "d");
        assertThat(blocks.get(0).children()).allSatisfy(child -> assertThat(child.children()).isEmpty());
    }

    @Test
    void tablesRepeatTheirHeaderEveryHundredRows() {
        StringBuilder markdown = new StringBuilder("| n | square |\n|---|---|\n");
        for (int i = 1; i <= 250; i++) {
            markdown.append("| ").append(i).append(" | ").append(i * i).append(" |\n");
        }

        List<NotionBlock> tables = formatter.format(markdown.toString());

        assertThat(tables).extracting(NotionBlock::type).containsOnly("table");
        assertThat(tables).extracting(table -> table.children().size()).containsExactly(100, 100, 53);
        assertThat(tables).allSatisfy(table -> {
            assertThat(table.fields()).containsEntry("table_width", 2).containsEntry("has_column_header", true);
            assertThat(plainCells(table.children().get(0))).isEqualTo("n|square");
        });
    }

    @Test
    void aTableInsideAListIsKeptAsText() {
        List<NotionBlock> blocks = formatter.format("- totals:\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n");

        NotionBlock table = blocks.get(0).children().get(0);
        assertThat(table.type()).isEqualTo("code");
        assertThat(plain(table)).isEqualTo("a | b\n1 | 2");
    }

    @Test
    void longParagraphsContinueInFurtherBlocks() {
        String paragraph = "word ".repeat(100_000 / 5).strip();

        List<NotionBlock> blocks = formatter.format(paragraph);

        assertThat(blocks).hasSizeGreaterThan(1).extracting(NotionBlock::type).containsOnly("paragraph");
        assertThat(blocks.stream().map(NotionBlockFormatterTest::plain).reduce("", String::concat)).isEqualTo(paragraph);
    }

    @Test
    void jsonLookingTextIsMarkedSoTheServerKeepsItAString() {
        assertThat(JsonLookingText.protect("[1, 2]")).isEqualTo("\u200B[1, 2]");
        assertThat(JsonLookingText.protect(" {\"a\": 1} ")).isEqualTo("\u200B {\"a\": 1} ");
        assertThat(JsonLookingText.protect("\"[1]\"")).isEqualTo("\u200B\"[1]\"");
        assertThat(JsonLookingText.protect("\u00A0[4]\u00A0")).startsWith("\u200B");
        assertThat(JsonLookingText.protect("[citation needed]")).isEqualTo("[citation needed]");
        assertThat(JsonLookingText.protect("\"quoted\"")).isEqualTo("\"quoted\"");
        assertThat(JsonLookingText.protect("[1] and [2]")).isEqualTo("[1] and [2]");
        assertThat(JsonLookingText.protect("plain")).isEqualTo("plain");
    }

    // --- what is sent -----------------------------------------------------------------------------------------

    private List<List<Map<String, Object>>> requests(String markdown) {
        return NotionRequests.batches(NotionRequests.topLevel(formatter.format(markdown))).stream()
                .map(NotionRequests::json).toList();
    }

    private Map<String, Object> single(String markdown) {
        List<NotionBlock> blocks = formatter.format(markdown);
        assertThat(blocks).hasSize(1);
        return blocks.get(0).toJson();
    }

    private static void assertWithinLimits(Map<String, Object> block, int depth) {
        assertThat(depth).as("nesting").isLessThanOrEqualTo(2);
        Map<String, Object> body = body(block);
        if (body.get("rich_text") instanceof List<?> items) {
            assertRichText(items);
        }
        if (body.get("cells") instanceof List<?> cells) {
            cells.forEach(cell -> assertRichText((List<?>) cell));
        }
        List<Map<String, Object>> children = children(block);
        assertThat(children).hasSizeLessThanOrEqualTo(100);
        children.forEach(child -> assertWithinLimits(child, depth + 1));
    }

    @SuppressWarnings("unchecked")
    private static void assertRichText(List<?> items) {
        assertThat(items).hasSizeLessThanOrEqualTo(100);
        for (Object item : items) {
            Map<String, Object> text = text((Map<String, Object>) item);
            assertThat((String) text.get("content")).hasSizeLessThanOrEqualTo(2000);
            if (text.get("link") instanceof Map<?, ?> link) {
                assertThat((String) link.get("url")).hasSizeLessThanOrEqualTo(2000).startsWith("http");
            }
        }
    }

    /** A long table continues in tables that repeat its header row: the repeated header is not new text. */
    private static boolean continuedTable(Map<String, Object> previous, Map<String, Object> block) {
        return "table".equals(previous.get("type")) && "table".equals(block.get("type"))
                && children(previous).get(0).equals(children(block).get(0));
    }

    private static Map<String, Object> withoutHeaderRow(Map<String, Object> table) {
        List<Map<String, Object>> rows = children(table);
        return Map.of("type", "table", "table", Map.of("children", rows.subList(1, rows.size())));
    }

    private static int blockCount(Map<String, Object> block) {
        return 1 + children(block).stream().mapToInt(NotionBlockFormatterTest::blockCount).sum();
    }

    private static void collectTypes(Map<String, Object> block, List<String> types) {
        types.add((String) block.get("type"));
        children(block).forEach(child -> collectTypes(child, types));
    }

    @SuppressWarnings("unchecked")
    private static void appendText(Map<String, Object> block, StringBuilder out) {
        Map<String, Object> body = body(block);
        if (body.get("rich_text") instanceof List<?> items) {
            items.forEach(item -> out.append(text((Map<String, Object>) item).get("content")));
        }
        if (body.get("cells") instanceof List<?> cells) {
            cells.forEach(cell -> ((List<?>) cell).forEach(item -> out.append(' ')
                    .append(text((Map<String, Object>) item).get("content"))));
        }
        out.append('\n');
        children(block).forEach(child -> appendText(child, out));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> block) {
        return (Map<String, Object>) block.get((String) block.get("type"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> children(Map<String, Object> block) {
        Object children = body(block).get("children");
        return children == null ? List.of() : (List<Map<String, Object>>) children;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> richText(Map<String, Object> block) {
        return (List<Map<String, Object>>) body(block).get("rich_text");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> text(Map<String, Object> item) {
        return (Map<String, Object>) item.get("text");
    }

    private static String plain(NotionBlock block) {
        return richText(block.toJson()).stream().map(item -> (String) text(item).get("content")).reduce("", String::concat);
    }

    @SuppressWarnings("unchecked")
    private static String plainCells(NotionBlock row) {
        List<List<Map<String, Object>>> cells = (List<List<Map<String, Object>>>) row.fields().get("cells");
        return String.join("|", cells.stream()
                .map(cell -> cell.stream().map(item -> (String) text(item).get("content")).reduce("", String::concat))
                .toList());
    }

    // --- what the source says -------------------------------------------------------------------------------

    /** All literal text of the markdown, in order: an independent walk of the same syntax tree. */
    private static String sourceText(String markdown) {
        StringBuilder out = new StringBuilder();
        Parser.builder().extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build()
                .parse(markdown).accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text text) {
                        String literal = text.getLiteral();
                        boolean firstOfItem = text.getPrevious() == null && text.getParent() instanceof Paragraph p
                                && p.getPrevious() == null && p.getParent() instanceof ListItem;
                        out.append(firstOfItem ? TASK_MARKER.matcher(literal).replaceFirst("") : literal).append(' ');
                    }

                    @Override
                    public void visit(Code code) {
                        out.append(code.getLiteral()).append(' ');
                    }

                    @Override
                    public void visit(FencedCodeBlock code) {
                        out.append(code.getLiteral()).append(' ');
                    }

                    @Override
                    public void visit(IndentedCodeBlock code) {
                        out.append(code.getLiteral()).append(' ');
                    }

                    @Override
                    public void visit(HtmlBlock html) {
                        out.append(Jsoup.parseBodyFragment(html.getLiteral()).text()).append(' ');
                    }

                    @Override
                    public void visit(Link link) {
                        if (link.getFirstChild() == null) {
                            out.append(link.getDestination()).append(' ');
                        }
                        visitChildren(link);
                    }

                    @Override
                    public void visit(Image image) {
                        if (image.getFirstChild() == null) {
                            out.append(image.getDestination()).append(' ');
                        }
                        visitChildren(image);
                    }
                });
        return out.toString();
    }

    /** Runs of letters, digits and pictographs; the server-quirk mark is not text. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.replace("\u200B", "").codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL) {
                word.appendCodePoint(cp);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static String read(String document) throws IOException {
        try (InputStream in = NotionBlockFormatterTest.class.getResourceAsStream("/markdown/" + document)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
