package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.ExportReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The messages for Slack's hosted server, which takes standard markdown: its syntax, none of mrkdwn's. */
class SlackStandardMarkdownTest {

    private static final UUID EXPORT_ID = UUID.fromString("3f2a9c1e-8b7d-4e2f-9a61-0c5d4b3e2f10");
    private static final String FOOTER = "_Exported from YARNNN · ref 3f2a9c1e_";
    private static final String TITLE = "Weekly <report> & notes";
    private static final String TITLE_LINE = "**Weekly \\<report> & notes**";
    private static final Parser COMMONMARK = Parser.builder()
            .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create())).build();

    private final SlackThreadComposer composer = new SlackThreadComposer(3_500, SlackStandardMarkdown.INSTANCE);

    private String formatted(String markdown) {
        List<String> messages = composer.compose("", markdown, EXPORT_ID);
        assertThat(messages).singleElement().asString().endsWith("\n\n" + FOOTER);
        String message = messages.get(0);
        return message.substring(0, message.length() - FOOTER.length() - 2);
    }

    @Test
    void boldLinksTablesCodeAndSpecialCharactersAreStandardMarkdown() {
        String markdown = """
                # Q3 \\<results> & plans

                Revenue is **up 12%** since _June_, see [the dashboard](https://example.com/q3?a=1&b=2) and ~~old~~.

                | Region | Revenue |
                |--------|--------:|
                | EU     | 1,200   |
                | US & Canada | 3,400 |

                Run `a < b && c` first:

                ```sql
                SELECT * FROM t WHERE a < 1 AND b = '**x**';
                ```

                - one
                - two
                  1. nested
                """;

        assertThat(formatted(markdown)).isEqualTo("""
                # Q3 \\<results> & plans

                Revenue is **up 12%** since _June_, see [the dashboard](https://example.com/q3?a=1&b=2) and ~~old~~.

                ```
                Region      | Revenue
                ------------+--------
                EU          |   1,200
                US & Canada |   3,400
                ```

                Run `a < b && c` first:

                ```
                SELECT * FROM t WHERE a < 1 AND b = '**x**';
                ```

                - one
                - two
                    1. nested""");
    }

    @Test
    void textThatWouldReadAsSyntaxIsEscapedAndNothingIsMrkdwn() {
        String message = composer.compose("Weekly <report> & notes",
                "a\\*b\\*c, snake_case, \\[x], \\\\path, 5 < 6 > 4, \\&copy; stays, \\<span>? a - b + c #1", EXPORT_ID).get(0);

        assertThat(message).startsWith("**Weekly \\<report> & notes**\n\n")
                .contains("a\\*b\\*c, snake\\_case, \\[x\\], \\\\path, 5 < 6 > 4, \\&copy; stays, \\<span>? a \\- b \\+ c \\#1")
                .doesNotContain("&lt;", "&gt;", "&amp;");
    }

    @Test
    void aLinkWhoseLabelIsItsAddressAndOneWithSpacesAndParenthesesStayLinks() {
        assertThat(formatted("<https://example.com/a_b> and [spec](<https://example.com/x (1).pdf>)"))
                .isEqualTo("[https://example.com/a\\_b](https://example.com/a_b) and "
                        + "[spec](https://example.com/x%20%281%29.pdf)");
    }

    @Test
    void aWordThatWouldStartAListOrQuoteWhereAMessageIsCutIsEscaped() {
        assertThat(formatted("> quoted\n\n\\> not quoted\n\n2. item\n\n2\\. not an item"))
                .isEqualTo("> quoted\n\n\\> not quoted\n\n2. item\n\n2\\. not an item");
    }

    @Test
    void codeSpansHoldingBackticksAndLineBreaksInsideParagraphsAreStandard() {
        assertThat(formatted("Use `` a`b `` or ```` x``y ````.\\\nNext line"))
                .isEqualTo("Use `` a`b `` or x\\`\\`y.  \nNext line");
    }

    @Test
    void theLimitIsTheMarkdownBlocksEvenWhenMoreIsConfigured() {
        List<String> messages = new SlackThreadComposer(40_000, SlackStandardMarkdown.INSTANCE)
                .compose("T", "word ".repeat(5_000), EXPORT_ID);

        assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(12_000));
    }

    /** The shared corpus as CommonMark reads each message: within the limit, no raw HTML, every word in order. */
    @ParameterizedTest(name = "{0} at {1} chars")
    @MethodSource("com.yarnnn.export.connector.provider.slack.SlackThreadComposerTest#documentsAndLimits")
    void everyDocumentOfTheCorpusFitsHasNoRawHtmlAndLosesNothing(String document, int limit) throws Exception {
        String markdown = Files.readString(Path.of(getClass().getResource("/markdown/" + document).toURI()));

        List<String> messages = new SlackThreadComposer(limit, SlackStandardMarkdown.INSTANCE)
                .compose(TITLE, markdown, EXPORT_ID);

        List<String> rawHtml = new ArrayList<>();
        StringBuilder read = new StringBuilder();
        for (String message : messages) {
            assertThat(message.length()).isLessThanOrEqualTo(limit);
            assertThat(message.split("```", -1).length % 2).as("code fences in a message are balanced").isOne();
            COMMONMARK.parse(message).accept(new AbstractVisitor() {
                @Override
                public void visit(HtmlInline node) {
                    rawHtml.add(node.getLiteral());
                }

                @Override
                public void visit(HtmlBlock node) {
                    rawHtml.add(node.getLiteral());
                }
            });
            read.append(SlackThreadComposerTest.sourceText(message)).append(' ');
        }
        assertThat(rawHtml).isEmpty();
        assertThat(messages.get(0)).startsWith(TITLE_LINE + "\n\n");
        assertThat(messages.get(messages.size() - 1)).endsWith(FOOTER);
        String body = read.toString().replaceFirst("^Weekly <report> & notes", "")
                .replace("Continued in the thread · ref " + ExportReference.shortId(EXPORT_ID), "")
                .replace("Exported from YARNNN · ref " + ExportReference.shortId(EXPORT_ID), "")
                .replace("\u200B", "");
        SlackThreadComposerTest.assertSameWords(SlackThreadComposerTest.words(body),
                SlackThreadComposerTest.words(SlackThreadComposerTest.sourceText(markdown)));
    }
}
