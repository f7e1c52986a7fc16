package com.yarnnn.export.connector.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.gmail.EmailSent;
import com.yarnnn.export.connector.provider.notion.NotionMarkdownSent;
import com.yarnnn.export.connector.provider.notion.NotionSent;
import com.yarnnn.export.connector.provider.slack.SlackSent;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real-world markdown (the READMEs of popular npm packages under {@code fidelity-corpus/}, full of HTML, badges,
 * tables, nested lists, code and relative links; sources and licences in its NOTICE.md) through each provider's
 * formatting exactly as the provider sends it to its MCP server, checked for what a reader gets, per document:
 * no limit of the vendor's broken, at least 99 % of the source's visible words delivered, no HTML markup shown as
 * text outside code (unless the source shows it as text), every absolute link of the source still a link to the
 * same address and none replaced by the address of the image it wraps. Per-document figures go to
 * {@code target/fidelity-corpus.md}, a summary line per provider to the test's output.
 */
class FidelityCorpusTest {

    /** What commonmark's renderer writes, plus the email's frame: anything else would be the user's HTML. */
    private static final Set<String> EMAIL_ELEMENTS = Set.of("body", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em",
            "strong", "del", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br", "table", "thead", "tbody", "tr",
            "th", "td");
    private static final Set<String> EMAIL_ATTRIBUTES = Set.of("href", "rel", "title", "class", "start", "align");
    /** Gmail clips a message whose HTML is larger, behind a "View entire message" link. */
    private static final int GMAIL_CLIPPING_BYTES = 102 * 1024;
    private static final UUID EXPORT_ID = UUID.fromString("5b0f7a52-6c1e-4f8e-9d3a-2e7c1b4a9f60");

    private record CorpusDocument(String name, String markdown, SourceView source) {
    }

    private static final List<CorpusDocument> CORPUS = new ArrayList<>();
    private static final Map<String, List<DocumentFidelity>> RESULTS = new LinkedHashMap<>();
    private static final List<String> SUMMARIES = new ArrayList<>();

    @BeforeAll
    static void readCorpus() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(FidelityCorpusTest.class.getResource("/fidelity-corpus")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md") && !f.endsWith("NOTICE.md")).sorted().toList()) {
                String markdown = Files.readString(file, StandardCharsets.UTF_8);
                CORPUS.add(new CorpusDocument(file.getFileName().toString(), markdown, SourceView.of(markdown)));
            }
        }
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void slack() {
        check("slack", request -> DeliveredView.slack(SlackSent.messages(request), SlackSent.MAX_MESSAGE_CHARS), "");
    }

    @Test
    void slackHostedServer() {
        check("slack (hosted server, standard markdown)", request -> DeliveredView.slackMarkdown(
                SlackSent.hostedServerMessages(request), SlackSent.HOSTED_SERVER_MAX_MESSAGE_CHARS), "");
    }

    @Test
    void notion() {
        check("notion", request -> DeliveredView.notion(NotionSent.requests(request)), "");
    }

    @Test
    void notionMarkdown() {
        check("notion-markdown", request -> NotionMarkdownReader.read(NotionMarkdownSent.content(request)), "");
        assertThat(RESULTS.get("notion-markdown")).as("every word of every document delivered")
                .allSatisfy(result -> assertThat(result.coverage()).as(result.document()).isEqualTo(1.0));
    }

    @Test
    void email() {
        long clipped = CORPUS.stream()
                .filter(document -> EmailSent.of(request(document)).html().getBytes(StandardCharsets.UTF_8).length
                        > GMAIL_CLIPPING_BYTES)
                .count();
        check("email", request -> DeliveredView.email(EmailSent.of(request).html(), EMAIL_ELEMENTS, EMAIL_ATTRIBUTES),
                "; " + clipped + " HTML parts over Gmail's 102 KB clipping size");
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder report = new StringBuilder("# Fidelity corpus\n\n");
        SUMMARIES.forEach(line -> report.append("- ").append(line).append('\n'));
        report.append("\n| document |");
        RESULTS.keySet().forEach(provider -> report.append(' ').append(provider).append(" |"));
        report.append("\n|---|").append("---|".repeat(RESULTS.size())).append('\n');
        for (int i = 0; i < CORPUS.size(); i++) {
            report.append("| ").append(CORPUS.get(i).name()).append(" |");
            for (List<DocumentFidelity> results : RESULTS.values()) {
                DocumentFidelity result = results.get(i);
                report.append(String.format(" %.4f%s |", result.coverage(),
                        result.violations().isEmpty() ? "" : " (" + result.violations().size() + " violations)"));
            }
            report.append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fidelity-corpus.md"), report);
    }

    private static void check(String provider, Function<ExportRequested, DeliveredView> delivery, String notes) {
        List<DocumentFidelity> results = CORPUS.stream()
                .map(document -> DocumentFidelity.of(document.name(), document.source(), delivery.apply(request(document))))
                .toList();
        RESULTS.put(provider, results);
        List<DocumentFidelity> byCoverage = results.stream()
                .sorted(Comparator.comparingDouble(DocumentFidelity::coverage)).toList();
        List<String> violations = results.stream()
                .flatMap(result -> result.violations().stream().map(violation -> result.document() + ": " + violation))
                .toList();
        String summary = String.format(
                "fidelity %s: %d documents, word coverage min %.4f (%s) median %.4f, %d violations in %d documents%s",
                provider, results.size(), byCoverage.get(0).coverage(), byCoverage.get(0).document(),
                byCoverage.get(byCoverage.size() / 2).coverage(), violations.size(),
                results.stream().filter(result -> !result.violations().isEmpty()).count(), notes);
        SUMMARIES.add(summary);
        System.out.println(summary);
        assertThat(violations).as(summary).isEmpty();
    }

    private static ExportRequested request(CorpusDocument document) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), EXPORT_ID, UUID.randomUUID(),
                "fidelity", UUID.randomUUID(), "destination", null, UUID.randomUUID(), document.name(),
                document.markdown(), ExportTrigger.MANUAL, 1, Instant.parse("2026-12-01T09:00:00Z"));
    }
}
