package com.yarnnn.export.connector.provider.gmail;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliverableEmailTest {

    private static final UUID EXPORT_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void theTitleIsTheSubjectOnOneLine() {
        assertThat(email("  Weekly\n report\t Q4 ", "x").subject()).isEqualTo("Weekly report Q4");
        assertThat(email(" \n ", "x").subject()).isEqualTo("YARNNN deliverable");
    }

    @Test
    void theTextIsTheMarkdownAsIsUnderTheTitleWithTheExportFooter() {
        assertThat(email("Weekly report", "## Highlights\n\n- Revenue **up 12%**").text()).isEqualTo("""
                # Weekly report

                ## Highlights

                - Revenue **up 12%**

                --\s
                Sent by YARNNN · export 7c9e6679-7425-40de-944b-e07fc1f90ae7
                """);
    }

    @Test
    void theHtmlRendersGithubFlavouredTablesAndStrikethrough() {
        String html = email("Weekly <report>", """
                ## Highlights

                | metric | value |
                |---|---|
                | revenue | ~~10%~~ 12% |
                """).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<h1>Weekly &lt;report&gt;</h1>")
                .contains("<h2>Highlights</h2>")
                .contains("<table>", "<th>metric</th>", "<td><del>10%</del> 12%</td>")
                .contains("<p class=\"footer\">Sent by YARNNN · export 7c9e6679-7425-40de-944b-e07fc1f90ae7</p>");
    }

    @Test
    void rawHtmlNeverReachesTheEmailButWhatItMeansDoes() {
        String html = email("Report", """
                <script>alert('x')</script>

                <img src=x onerror=alert(1)> [click](javascript:alert(1)) [site](https://example.com/a?b=1&c=2)

                <p align="center" style="color:red"><a href="https://ci.io/job" onclick="steal()"><img src="https://ci.io/b.svg" alt="build"></a><br>
                <b>bold</b> <!-- hidden --> and <em>emphasis</em></p>
                """).html();

        assertThat(html).doesNotContain("<script", "alert", "<img", "onerror", "onclick", "javascript:", "<!--", "hidden",
                        "align", "color:red", "&lt;")
                .contains("<p>click <a rel=\"nofollow\" href=\"https://example.com/a?b=1&amp;c=2\">site</a></p>")
                .contains("<p><a rel=\"nofollow\" href=\"https://ci.io/job\">build</a><br />\n"
                        + "<strong>bold</strong> and <em>emphasis</em></p>");
    }

    @Test
    void anchorsAndRelativeLinksAreTextNotDeadLinks() {
        String html = email("Report", "See [Install](#install), [the log](CHANGELOG.md) and <a href=\"./docs/x.md\">docs</a>.")
                .html();

        assertThat(html).contains("<p>See Install, the log and docs.</p>").doesNotContain("href=\"#", "CHANGELOG.md", "x.md");
    }

    @Test
    void imagesAreLinksToTheImageAndALinkedImageKeepsItsLink() {
        String html = email("Report", "![chart](https://x.io/c.png) [![build](https://ci.io/b.svg)](https://ci.io/job)").html();

        assertThat(html).contains("<a rel=\"nofollow\" href=\"https://x.io/c.png\">chart</a>",
                "<a rel=\"nofollow\" href=\"https://ci.io/job\">build</a>").doesNotContain("<img", "b.svg");
    }

    private static DeliverableEmail email(String title, String content) {
        return DeliverableEmail.of(new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), EXPORT_ID,
                UUID.randomUUID(), "gmail", UUID.randomUUID(), "ann@example.com", null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z")));
    }
}
