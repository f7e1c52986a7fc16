package com.yarnnn.export.gmailmcp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MIME bytes, parsed back with Jakarta Mail as a receiving client would. */
class MimeEmailTest {

    private static final Instant SENT_AT = Instant.parse("2026-11-25T10:15:30Z");
    private static final String SUBJECT = "Rapport hebdo — Q4 résultats 📈 «naïve» 日本語 and a long tail to force folding of the encoded words";
    private static final String TEXT = "# Rapport\n\nCafé ☕ revenue **up 12%** = good\nline with trailing spaces   \n.\nFrom the start\n";
    private static final String HTML = "<h1>Rapport</h1><p>Café ☕ revenue <strong>up 12%</strong> = good 📈</p>";

    @Test
    void isAMultipartAlternativeWithUtf8PlainTextAndHtml() throws Exception {
        SentEmail sent = SentEmail.fromBytes(MimeEmail.render(email("export-1"), SENT_AT, "unused"));

        assertThat(sent.message().getContentType()).startsWith("multipart/alternative");
        assertThat(sent.alternatives().getCount()).isEqualTo(2);
        assertThat(sent.alternatives().getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(sent.alternatives().getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(sent.plainText()).as("text line breaks travel as CRLF (RFC 2046)").isEqualTo(TEXT.replace("\n", "\r\n"));
        assertThat(sent.html()).isEqualTo(HTML);
    }

    @Test
    void encodesTheSubjectPerRfc2047SoItDecodesExactly() {
        SentEmail sent = SentEmail.fromBytes(MimeEmail.render(email("export-1"), SENT_AT, "unused"));

        assertThat(sent.subject()).isEqualTo(SUBJECT);
        String rawSubject = sent.source().lines().dropWhile(line -> !line.startsWith("Subject:"))
                .findFirst().orElseThrow();
        assertThat(rawSubject).startsWith("Subject: =?UTF-8?");
    }

    @Test
    void isSevenBitAsciiWithShortLines() {
        byte[] mime = MimeEmail.render(email("export-1"), SENT_AT, "unused");

        assertThat(new String(mime, StandardCharsets.US_ASCII).chars()).allMatch(c -> c < 128);
        assertThat(new String(mime, StandardCharsets.US_ASCII).split("\r\n")).allMatch(line -> line.length() <= 78);
    }

    @Test
    void carriesRecipientsDateExportReferenceAndAStableMessageId() throws Exception {
        SentEmail sent = SentEmail.fromBytes(MimeEmail.render(email("7c9e6679-7425-40de-944b-e07fc1f90ae7"), SENT_AT, "unused"));

        assertThat(Arrays.asList(sent.message().getRecipients(Message.RecipientType.TO)))
                .containsExactly(new InternetAddress("ann@example.com"), new InternetAddress("bob@example.org"));
        assertThat(Arrays.asList(sent.message().getRecipients(Message.RecipientType.CC)))
                .containsExactly(new InternetAddress("chef@example.net"));
        assertThat(sent.header("X-YARNNN-Export-Ref")).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(sent.header("Message-ID")).isEqualTo("<7c9e6679-7425-40de-944b-e07fc1f90ae7@yarnnn-export>");
        assertThat(sent.message().getSentDate().toInstant()).isEqualTo(SENT_AT);
        assertThat(sent.header("MIME-Version")).isEqualTo("1.0");
        assertThat(sent.header("From")).as("Gmail sets the sender").isNull();
        assertThat(sent.header("Bcc")).isNull();
    }

    @Test
    void withoutAnExportReferenceTheMessageIdIsTheGivenUniqueIdAndNoReferenceHeader() {
        SentEmail sent = SentEmail.fromBytes(MimeEmail.render(email(null), SENT_AT, "0f8fad5b-d9cb-469f-a165-70867728950e"));

        assertThat(sent.header("Message-ID")).isEqualTo("<0f8fad5b-d9cb-469f-a165-70867728950e@yarnnn-export>");
        assertThat(sent.header("X-YARNNN-Export-Ref")).isNull();
    }

    private static OutgoingEmail email(String exportRef) {
        java.util.HashMap<String, Object> arguments = new java.util.HashMap<>(Map.of(
                "to", List.of("ann@example.com", " bob@example.org "), "cc", List.of("chef@example.net"),
                "subject", SUBJECT, "text", TEXT, "html", HTML));
        if (exportRef != null) {
            arguments.put("export_ref", exportRef);
        }
        return OutgoingEmail.fromArguments(arguments);
    }
}
