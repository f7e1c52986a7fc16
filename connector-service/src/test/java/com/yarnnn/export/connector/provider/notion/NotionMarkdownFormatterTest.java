package com.yarnnn.export.connector.provider.notion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The markdown → Notion-flavored markdown cases the provider test's page does not show. */
class NotionMarkdownFormatterTest {

    @Test
    void emphasisStaysOpenAcrossRunsAndKeepsSpacesOutsideItsMarkers() {
        assertThat(NotionMarkdownFormatter.format("**bold *both* bold** plain ~~ gone ~~ *x*y"))
                .isEqualTo("**bold *both* bold** plain \\~\\~ gone \\~\\~ *x*y");
        assertThat(NotionMarkdownFormatter.format("a<b> spaced </b>b")).isEqualTo("a **spaced** b");
    }

    @Test
    void codeSpansHoldingBackticksGetALongerFenceAndCodeBlocksHoldingFencesToo() {
        assertThat(NotionMarkdownFormatter.format("Use `` a`b `` and `[x]`\n\n````md\n```\ninner *x*\n```\n````"))
                .isEqualTo("Use ``a`b`` and `[x]`\n````markdown\n```\ninner *x*\n```\n````");
    }

    @Test
    void textThatWouldReadAsABlockMarkerStaysText() {
        assertThat(NotionMarkdownFormatter.format("\\# not a heading\n\n2\\. not a list\n\n\\- nor this\n\n\\+ nor this"))
                .isEqualTo("\\# not a heading\n2\\. not a list\n\\- nor this\n\\+ nor this");
    }

    @Test
    void listsNestWithTabsKeepTheirNumbersAndCarryTheirOtherBlocksAsChildren() {
        assertThat(NotionMarkdownFormatter.format("""
                3. three
                4. four

                   more of four

                   | a | b |
                   |---|---|
                   | 1 | 2 |
                - > quoted item
                - [ ] open task
                """)).isEqualTo(String.join("\n",
                "3. three",
                "4. four",
                "\tmore of four",
                "\t<table header-row=\"true\">",
                "\t\t<tr>",
                "\t\t\t<td>a</td>",
                "\t\t\t<td>b</td>",
                "\t\t</tr>",
                "\t\t<tr>",
                "\t\t\t<td>1</td>",
                "\t\t\t<td>2</td>",
                "\t\t</tr>",
                "\t</table>",
                "-",
                "\t> quoted item",
                "- [ ] open task"));
    }

    @Test
    void aQuoteIsOneLineWithLineBreaksAndItsOtherBlocksAsChildren() {
        assertThat(NotionMarkdownFormatter.format("> first  \n> second\n>\n> - item"))
                .isEqualTo("> first<br>second\n\t- item");
    }

    @Test
    void rawHtmlIsWhatItMeansAndNeverPassesAsHtml() {
        assertThat(NotionMarkdownFormatter.format("<p align=\"center\"><b>Bold</b> &amp; <code>x</code></p>\n\n"
                + "Text <kbd>Ctrl</kbd> <unknown>tag</unknown>"))
                .doesNotContain("<p", "<b>", "<kbd>", "<unknown>")
                .contains("**Bold**", "&", "`x`", "Ctrl", "tag");
    }

    @Test
    void headingsBelowFourBecomeFourAndLinksKeepTheirAddress() {
        assertThat(NotionMarkdownFormatter.format("###### Six\n\n[a (b)](https://x.test/a_(b) \"t\")"))
                .isEqualTo("#### Six\n[a (b)](https://x.test/a_%28b%29)");
    }
}
