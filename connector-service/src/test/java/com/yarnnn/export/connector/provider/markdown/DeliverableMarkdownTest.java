package com.yarnnn.export.connector.provider.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tree every formatter renders, written as HTML by commonmark (raw HTML escaped) to show its nodes. */
class DeliverableMarkdownTest {

    private static final HtmlRenderer TREE = HtmlRenderer.builder().extensions(DeliverableMarkdown.EXTENSIONS)
            .escapeHtml(true).build();

    private static String tree(String markdown) {
        Node document = DeliverableMarkdown.parse(markdown);
        assertThat(Nodes.all(document, HtmlBlock.class)).isEmpty();
        assertThat(Nodes.all(document, HtmlInline.class)).isEmpty();
        assertThat(Nodes.all(document, Image.class)).isEmpty();
        return TREE.render(document).strip();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Read <a href=""https://x.io/docs"">the **docs**</a> now." | "<p>Read <a href=""https://x.io/docs"">the <strong>docs</strong></a> now.</p>"
            "one<br>two <b>bold</b> <i>it</i> <code>a < b</code> <del>old</del>" | "<p>one<br />\ntwo <strong>bold</strong> <em>it</em> <code>a &lt; b</code> <del>old</del></p>"
            "a <!-- hidden --> b"                                | "<p>a b</p>"
            "<span title=""x"">spanned</span> <sup>1</sup>"      | "<p>spanned 1</p>"
            "logo <img src=""https://x.io/logo.png"" alt=""Logo"" width=""20"">" | "<p>logo <a href=""https://x.io/logo.png"">Logo</a></p>"
            "<a href=""https://ci.io/job""><img src=""https://ci.io/b.svg"" alt=""build""></a>" | "<p><a href=""https://ci.io/job"">build</a></p>"
            "<a href=""https://ci.io/job""><img src=""https://ci.io/b.svg""></a>" | "<p><a href=""https://ci.io/job"">https://ci.io/job</a></p>"
            "[![build](https://ci.io/b.svg)](https://ci.io/job)" | "<p><a href=""https://ci.io/job"">build</a></p>"
            "![chart](https://x.io/c.png)"                        | "<p><a href=""https://x.io/c.png"">chart</a></p>"
            "![chart](./c.png) ![](./d.png) and ![](./e.png)"     | "<p>chart and</p>"
            "[Install](#install), [log](CHANGELOG.md), [x](./docs/x.md)" | "<p>Install, log, x</p>"
            "<a href=""#usage"">Usage</a> <a name=""top""></a>"  | "<p>Usage</p>"
            "[site](//cdn.x.io/a) [](https://x.io) [mail](mailto:a@x.io)" | "<p><a href=""https://cdn.x.io/a"">site</a> <a href=""https://x.io"">https://x.io</a> <a href=""mailto:a@x.io"">mail</a></p>"
            "[bad](javascript:alert(1))"                          | "<p>bad</p>"
            "[![Backers](https://oc.io/b.svg)](#backers) [![](https://oc.io/s.svg)](#sponsors) ok" | "<p>Backers ok</p>"
            """)
    void inlineHtmlAndLinksBecomeWhatTheyMean(String markdown, String tree) {
        assertThat(tree(markdown)).isEqualTo(tree);
    }

    @Test
    void htmlBlocksBecomeBlocks() {
        assertThat(tree("""
                <h1 align="center">
                  <img src="https://x.io/logo.svg" alt="Pack" width="200"><br>
                  Pack
                </h1>
                <p align="center">
                  <a href="https://npm.io/p"><img src="https://b.io/v.svg" alt="npm"></a>
                  <a href="https://ci.io/p"><img src="https://b.io/ci.svg" alt="ci"></a>
                </p>
                """)).isEqualTo("""
                <h1><a href="https://x.io/logo.svg">Pack</a><br />
                Pack</h1>
                <p><a href="https://npm.io/p">npm</a> <a href="https://ci.io/p">ci</a></p>""");
    }

    @Test
    void commentsScriptsAndStylesShowNothing() {
        assertThat(tree("<!-- a comment -->\n\n<script>alert(1)</script>\n\n<style>p{}</style>\n\ntext")).isEqualTo("<p>text</p>");
    }

    @Test
    void detailsListsCodeAndQuotes() {
        assertThat(tree("""
                <details>
                <summary> Show <em>more</em> </summary>
                <ul><li>one</li><li><a href="https://x.io">two</a><ol start="3"><li>three</li></ol></li></ul>
                <pre>x  = 1
                y = 2</pre>
                <blockquote>quoted <b>text</b></blockquote>
                <hr>
                </details>
                """)).isEqualTo("""
                <p><strong>Show <em>more</em></strong></p>
                <ul>
                <li>one</li>
                <li><a href="https://x.io">two</a>
                <ol start="3">
                <li>three</li>
                </ol>
                </li>
                </ul>
                <pre><code>x  = 1
                y = 2
                </code></pre>
                <blockquote>
                <p>quoted <strong>text</strong></p>
                </blockquote>
                <hr />""");
    }

    @Test
    void tablesBecomeTablesAsWideAsTheirWidestRow() {
        assertThat(tree("""
                <table>
                  <caption>Sponsors</caption>
                  <tr><th>Name</th><th>Site</th></tr>
                  <tr><td>Acme</td><td><a href="https://acme.io"><img src="https://acme.io/l.png" alt="Acme Inc"></a></td><td>extra</td></tr>
                </table>
                """)).isEqualTo("""
                <p>Sponsors</p>
                <table>
                <thead>
                <tr>
                <th>Name</th>
                <th>Site</th>
                <th></th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>Acme</td>
                <td><a href="https://acme.io">Acme Inc</a></td>
                <td>extra</td>
                </tr>
                </tbody>
                </table>""");
    }

    /** As preact's README has it: GitHub shows the markdown image linked, so the link is kept. */
    @Test
    void aLinkOpenedInOneHtmlBlockAndClosedInALaterOneWrapsTheMarkdownBetween() {
        assertThat(tree("""
                <p align="center">
                <a href="https://preactjs.com" target="_blank">

                ![Preact](https://x.io/logo.svg 'Preact')

                </a>
                </p>
                <p>Fast <b>4kB</b></p>
                """)).isEqualTo("<p><a href=\"https://preactjs.com\">Preact</a></p>\n<p>Fast <strong>4kB</strong></p>");
    }

    @Test
    void preformattedCodeKeepsItsLanguageAndCellsTheirAlignment() {
        assertThat(tree("<pre><code class=\"language-js\">let a = 1;\n</code></pre>\n\n"
                + "<table><tr><th align=\"right\">n</th></tr><tr><td align=\"center\">1</td></tr></table>\n"))
                .isEqualTo("""
                        <pre><code class="language-js">let a = 1;
                        </code></pre>
                        <table>
                        <thead>
                        <tr>
                        <th align="right">n</th>
                        </tr>
                        </thead>
                        <tbody>
                        <tr>
                        <td align="center">1</td>
                        </tr>
                        </tbody>
                        </table>""");
    }

    @Test
    void markdownBetweenHtmlBlocksStaysMarkdownAndTextInsideHtmlStaysText() {
        assertThat(tree("<div align=\"center\">\n\n# Title **bold**\n\n</div>\n\n<div>**not bold** a < b</div>\n"))
                .isEqualTo("<h1>Title <strong>bold</strong></h1>\n<p>**not bold** a &lt; b</p>");
    }
}
