package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The title of an export sent without one. */
class ExportTitleTest {

    @Test
    void aGivenTitleIsKeptStripped() {
        assertThat(titleOf("  Board update ", "# Other")).isEqualTo("Board update");
    }

    @Test
    void withoutOneTheFirstHeadingIsTakenAsPlainText() {
        assertThat(titleOf(null, "Intro line\n\n## Q4 **plan** and `code`\n\n# Later")).isEqualTo("Q4 plan and code");
        assertThat(titleOf(" ", "Setext title\n============\n\ntext")).isEqualTo("Setext title");
    }

    @Test
    void aHashLineInACodeBlockIsNoHeading() {
        assertThat(titleOf(null, "```\n# not a heading\n```\n\n## The heading")).isEqualTo("The heading");
    }

    @Test
    void withoutAHeadingTheFirstLineIsTaken() {
        assertThat(titleOf(null, "\n\n  Revenue up 12%  \nmore")).isEqualTo("Revenue up 12%");
    }

    @Test
    void withNothingToTakeItIsUntitled() {
        assertThat(titleOf(null, " \n ")).isEqualTo("Untitled");
    }

    @Test
    void aTakenTitleFitsTheLimit() {
        assertThat(titleOf(null, "# " + "t".repeat(600))).hasSize(ExportTitle.MAX_LENGTH);
    }

    private static String titleOf(String title, String content) {
        return ExportTitle.of(new ExportRequestBody("folder", "reports", content, title, null, null, null));
    }
}
