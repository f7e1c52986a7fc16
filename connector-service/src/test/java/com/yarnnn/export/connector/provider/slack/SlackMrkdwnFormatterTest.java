package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackMrkdwnFormatterTest {

    private final SlackMessageFormatter formatter = new SlackMessageFormatter(SlackMrkdwn.INSTANCE, Integer.MAX_VALUE);

    /** The whole document as one mrkdwn text, its blocks separated by a blank line as in a message. */
    private String render(String markdown) {
        return String.join("\n\n", formatter.format(markdown).stream().map(SlackTextBlock::text).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            **bold** and __bold__                        | *bold* and *bold*
            *italic* and _italic_                        | _italic_ and _italic_
            ~~struck~~ and ~struck~                      | ~struck~ and ~struck~
            ***both***                                   | _*both*_
            **bold with *italic* inside**                | *bold with _italic_ inside*
            **bold with **nested** bold**                | *bold with nested bold*
            use `a < b` here                             | use `a &lt; b` here
            a < b & c > d                                | a &lt; b &amp; c &gt; d
            "[YARNNN](https://yarnnn.com/a?x=1&y=2)"     | "<https://yarnnn.com/a?x=1&amp;y=2|YARNNN>"
            "[**bold** label](https://x.io)"             | "<https://x.io|bold label>"
            "<https://x.io/page>"                        | "<https://x.io/page>"
            "[mail us](mailto:team@x.io)"                | "<mailto:team@x.io|mail us>"
            "[odd|pipe](https://x.io/a|b)"               | "<https://x.io/a%7Cb|odd|pipe>"
            "![Revenue chart](https://x.io/chart.png)"   | "<https://x.io/chart.png|Revenue chart>"
            "![](https://x.io/chart.png)"                | "<https://x.io/chart.png>"
            "see [the notes](./notes.md)"                | "see the notes"
            "[Install](#install) first"                  | "Install first"
            "[![build](https://ci.io/b.svg)](https://ci.io/job)" | "<https://ci.io/job|build>"
            "<a href=""https://x.io"">the <b>site</b></a>" | "<https://x.io|the site>"
            "<b>bold</b>, <em>it</em> and <code>a<b</code>" | "*bold*, _it_ and `a&lt;b`"
            "one<br>two <!-- hidden -->"                 | "one\ntwo"
            "<img src=""https://x.io/l.png"" alt=""Logo"">" | "<https://x.io/l.png|Logo>"
            "<kbd>Ctrl</kbd> <span>plain</span>"         | "`Ctrl` plain"
            "code with ``a ` tick``"                     | "code with a ` tick"
            ":rocket: shipped 🎉"                         | ":rocket: shipped 🎉"
            """)
    void rendersInlineMarkup(String markdown, String mrkdwn) {
        assertThat(render(markdown)).isEqualTo(mrkdwn);
    }

    @Test
    void headingsBecomeBoldLinesWithoutNestedMarkers() {
        assertThat(render("# Weekly **report**\n\nText\n\n### Details _here_"))
                .isEqualTo("*Weekly report*\n\nText\n\n*Details _here_*");
    }

    @Test
    void softBreaksJoinLinesAndHardBreaksCloseAndReopenStyles() {
        assertThat(render("one\ntwo")).isEqualTo("one two");
        assertThat(render("**first  \nsecond**")).isEqualTo("*first*\n*second*");
    }

    @Test
    void nestedListsAreIndentedWithBulletsAndNumbers() {
        String markdown = """
                - Revenue
                  - EMEA
                    - Germany
                  - APAC
                - Costs

                3. third
                4. fourth
                   1. nested
                """;
        assertThat(render(markdown)).isEqualTo("""
                • Revenue
                    ◦ EMEA
                        ▪ Germany
                    ◦ APAC
                • Costs

                3. third
                4. fourth
                    1. nested""");
    }

    @Test
    void listItemsWithSeveralParagraphsKeepTheirIndent() {
        assertThat(render("- first\n\n  more of first\n- second"))
                .isEqualTo("• first\n    more of first\n• second");
    }

    @Test
    void quotesPrefixEveryLineIncludingNestedBlocks() {
        assertThat(render("> Quoted **text**\n> still quoted\n>\n> - a point\n> - another"))
                .isEqualTo("> Quoted *text* still quoted\n> • a point\n> • another");
    }

    @Test
    void codeBlocksKeepTheirContentVerbatimButEscaped() {
        String markdown = """
                ````markdown
                # not a heading
                **not bold** <b>&
                ```
                nested fence
                ```
                ````
                """;
        assertThat(render(markdown)).isEqualTo("""
                ```
                # not a heading
                **not bold** &lt;b&gt;&amp;
                `\u200B``
                nested fence
                `\u200B``
                ```""");
    }

    @Test
    void indentedCodeAndCodeInListsAreFenced() {
        assertThat(render("    mvn verify\n")).isEqualTo("```\nmvn verify\n```");
        assertThat(render("- run:\n\n  ```\n  ./mvnw\n\n  test\n  ```\n"))
                .isEqualTo("• run:\n    ```\n    ./mvnw\n\n    test\n    ```");
    }

    @Test
    void tablesBecomeAlignedColumnsInACodeBlock() {
        String markdown = """
                | Region | Revenue | Note |
                |:-------|--------:|:----:|
                | EMEA | 1,200 | `code` |
                | APAC & Japan | 90 | **ok** |
                """;
        assertThat(render(markdown)).isEqualTo("""
                ```
                Region       | Revenue | Note
                -------------+---------+-----
                EMEA         |   1,200 | code
                APAC &amp; Japan |      90 |  ok
                ```""");
    }

    /** Slack shows no link inside a code block: a table with links is written as lines that keep them. */
    @Test
    void tablesWithLinksBecomeLinesWithTheirLinks() {
        String markdown = """
                | Sponsor | Site |
                |---|---|
                | Acme & co | [acme.io](https://acme.io) |
                | <img src="https://b.io/l.png" alt="Beta"> | **none** |
                """;
        assertThat(render(markdown)).isEqualTo("""
                *Sponsor* | *Site*
                Acme &amp; co | <https://acme.io|acme.io>
                <https://b.io/l.png|Beta> | *none*""");
    }

    @Test
    void rulesAreALine() {
        assertThat(render("above\n\n---\n\nbelow")).isEqualTo("above\n\n──────────\n\nbelow");
    }

    @Test
    void htmlBlocksShowWhatTheyMeanNotTheirMarkup() {
        String markdown = """
                <!-- badges -->
                <p align="center">
                  <a href="https://ci.io/job"><img src="https://ci.io/b.svg" alt="build"></a>
                  <a href="https://npm.io/p"><img src="https://b.io/v.svg" alt="npm"></a>
                </p>

                <h2>Install</h2>

                <details>
                <summary>Older <i>versions</i></summary>

                Use `npm i p@1`.

                </details>

                <div>text with <a href="./docs/x.md">a relative link</a><br>and a line break</div>
                <script>track()</script>
                """;
        assertThat(render(markdown)).isEqualTo("""
                <https://ci.io/job|build> <https://npm.io/p|npm>

                *Install*

                *Older _versions_*

                Use `npm i p@1`.

                text with a relative link
                and a line break""");
    }
}
