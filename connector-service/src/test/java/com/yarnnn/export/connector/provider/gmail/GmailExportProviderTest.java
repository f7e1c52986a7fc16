package com.yarnnn.export.connector.provider.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.fakes.gmail.FakeGmailApi;
import com.yarnnn.export.gmailmcp.SentEmail;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import jakarta.mail.Message;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The provider with the real gmail-mcp-server jar over MCP stdio, against a local fake of the Gmail API. */
@ExtendWith(OutputCaptureExtension.class)
class GmailExportProviderTest {

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));
    private static final String TOKEN = "ya29.connector-test-token-must-not-leak";
    private static final UUID CONNECTION_ID = UUID.fromString("3f2c5b0e-5a4e-4c1b-9a43-2b6f0d7c9e11");
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(GmailExportProviderTest.class);

    /** Shared by the tests, as the pipeline shares them: a connection's server stays up between exports. */
    private static FakeGmailApi gmail;
    private static McpSessionManager mcp;

    private final AtomicReference<String> currentToken = new AtomicReference<>(TOKEN);
    private final GmailExportProvider provider = new GmailExportProvider(mcp, this::open,
            new GmailProperties(null, URI.create(gmail.baseUrl())));

    @BeforeAll
    static void start() {
        gmail = FakeGmailApi.start();
        mcp = new McpSessionManager(new McpProperties(SERVERS, Duration.ofSeconds(30), Duration.ofSeconds(30), null, null));
    }

    @AfterAll
    static void stop() {
        mcp.destroy();
        gmail.close();
    }

    @BeforeEach
    void forgetRequests() {
        gmail.clear();
    }

    @Test
    void describesItselfAsAConnectedProviderWithoutListedDestinations() {
        assertThat(provider.descriptor().id()).isEqualTo("gmail");
        assertThat(provider.descriptor().displayName()).isEqualTo("Gmail");
        assertThat(provider.descriptor().icon()).isEqualTo("gmail");
        assertThat(provider.descriptor().requiresConnection()).isTrue();
        assertThat(provider.destinations(open(CONNECTION_ID))).isEmpty();
    }

    @Test
    void emailsTheDeliverableAndReturnsTheSentMessage() throws Exception {
        ExportRequested request = request(" ann@example.com, Bob@Example.org,ann@example.com ", "Weekly report — Q4 📈",
                "## Highlights\n\n| metric | value |\n|---|---|\n| revenue | ~~10%~~ 12% |\n");
        gmail.replyNext(200, "{\"id\": \"18c1a2b3c4d5e6f7\", \"threadId\": \"18c1a2b3c4d5e6f7\", \"labelIds\": [\"SENT\"]}", Map.of());

        DeliveryReceipt receipt = provider.deliver(request);

        assertThat(receipt.externalId()).isEqualTo("18c1a2b3c4d5e6f7");
        assertThat(receipt.externalUrl()).isEqualTo("https://mail.google.com/mail/u/sender@example.com/#sent/18c1a2b3c4d5e6f7");
        assertThat(gmail.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/gmail/v1/users/me/messages/send");
            assertThat(sent.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            SentEmail email = SentEmail.fromSendRequest(sent.body());
            assertThat(Arrays.toString(email.message().getRecipients(Message.RecipientType.TO)))
                    .isEqualTo("[ann@example.com, Bob@Example.org]");
            assertThat(email.subject()).isEqualTo("Weekly report — Q4 📈");
            assertThat(email.header("X-YARNNN-Export-Ref")).isEqualTo(request.exportId().toString());
            assertThat(email.header("Message-ID")).isEqualTo("<" + request.exportId() + "@yarnnn-export>");
            assertThat(email.plainText()).isEqualTo(("# Weekly report — Q4 📈\n\n" + request.content()
                    + "\n-- \nSent by YARNNN · export " + request.exportId() + "\n").replace("\n", "\r\n"));
            assertThat(email.html()).contains("<h1>Weekly report — Q4 📈</h1>", "<td><del>10%</del> 12%</td>",
                    "Sent by YARNNN · export " + request.exportId());
        });
    }

    static Stream<Arguments> permanentErrors() {
        return Stream.of(
                Arguments.of(400, "invalidArgument", "Invalid To header", "gmail_rejected", "Invalid To header"),
                Arguments.of(403, "insufficientPermissions", "Request had insufficient authentication scopes.", "missing_scope",
                        "missing the gmail.send scope"),
                Arguments.of(401, "authError", "Request had invalid authentication credentials.", "needs_reauth",
                        "reconnect the Gmail account"),
                Arguments.of(404, "notFound", "Requested entity was not found.", "gmail_rejected", "not found"));
    }

    @ParameterizedTest
    @MethodSource("permanentErrors")
    void gmailRefusalsFailForGood(int status, String reason, String message, String code, String shown) {
        gmail.replyNext(status, FakeGmailApi.googleError(status, reason, message, "X"), Map.of());

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request("ann@example.com")));

        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).containsIgnoringCase(shown).doesNotContain(TOKEN);
    }

    static Stream<Arguments> transientErrors() {
        return Stream.of(
                Arguments.of(429, "rateLimitExceeded", Map.of("Retry-After", "7"), "rate_limited", "retrying after 7 s"),
                Arguments.of(403, "userRateLimitExceeded", Map.of(), "rate_limited", "rate limit"),
                Arguments.of(500, "backendError", Map.of(), "gmail_unavailable", "Gmail is unavailable"),
                Arguments.of(503, "backendError", Map.of(), "gmail_unavailable", "Gmail is unavailable"));
    }

    @ParameterizedTest
    @MethodSource("transientErrors")
    void rateLimitsAndServerErrorsAreRetryable(int status, String reason, Map<String, String> headers, String code, String shown) {
        gmail.replyNext(status, FakeGmailApi.googleError(status, reason, "try later", "X"), headers);

        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request("ann@example.com")));

        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains(shown).doesNotContain(TOKEN);
        if (status == 429) {
            assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7));
        }
    }

    @Test
    void theTokenAppearsInNoLogLineAndNoErrorEvenAtDebug(CapturedOutput output) {
        Logger mcpLogs = (Logger) LoggerFactory.getLogger("com.yarnnn.export.connector.mcp");
        Level before = mcpLogs.getLevel();
        mcpLogs.setLevel(Level.DEBUG);
        mcp.destroy();
        try {
            provider.deliver(request("ann@example.com"));
            gmail.replyNext(401, FakeGmailApi.googleError(401, "authError", "Invalid Credentials", "UNAUTHENTICATED"), Map.of());
            DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request("ann@example.com")));

            assertThat(output.getAll()).contains("Started MCP server 'gmail'").contains("send_message -> HTTP 401")
                    .doesNotContain(TOKEN).doesNotContain("ya29");
            assertThat(Stream.iterate((Throwable) e, t -> t != null, Throwable::getCause).map(String::valueOf))
                    .noneMatch(text -> text.contains(TOKEN));
        } finally {
            mcpLogs.setLevel(before);
        }
    }

    @Test
    void oneServerPerConnectionIsReusedUntilTheTokenChanges() {
        mcp.destroy();
        provider.deliver(request("ann@example.com"));
        long first = mcp.liveSessions().get(0).pid();
        provider.deliver(request("ann@example.com"));
        assertThat(mcp.liveSessions()).singleElement().satisfies(s -> assertThat(s.pid()).isEqualTo(first));

        currentToken.set("ya29.refreshed-token");
        provider.deliver(request("ann@example.com"));

        assertThat(mcp.liveSessions()).singleElement().satisfies(s -> {
            assertThat(s.pid()).isNotEqualTo(first);
            assertThat(s.spec().key()).isEqualTo("gmail:" + CONNECTION_ID);
        });
        assertThat(gmail.requests()).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer " + TOKEN, "Bearer " + TOKEN, "Bearer ya29.refreshed-token");
    }

    @Test
    void measuresTheFirstSendOnAFreshServerAndWarmSends() {
        mcp.destroy();
        long started = System.nanoTime();
        provider.deliver(request("ann@example.com"));
        long first = System.nanoTime() - started;
        long[] warm = IntStream.range(0, 20).mapToLong(i -> {
            long sendStarted = System.nanoTime();
            provider.deliver(request("ann@example.com"));
            return System.nanoTime() - sendStarted;
        }).sorted().toArray();

        log.info("TIMING GmailExportProvider.deliver: first on a fresh session (JVM start) {} ms; warm median {} ms, max {} ms (n={})",
                TimeUnit.NANOSECONDS.toMillis(first), TimeUnit.NANOSECONDS.toMillis(warm[warm.length / 2]),
                TimeUnit.NANOSECONDS.toMillis(warm[warm.length - 1]), warm.length);
        assertThat(gmail.requests()).hasSize(21);
    }

    @Test
    void validatingTheConnectionReadsTheProfile() {
        provider.validateConnection(open(CONNECTION_ID));

        assertThat(gmail.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/gmail/v1/users/me/profile");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void aConnectionGmailRefusesFailsValidationAsNeedsReauth() {
        gmail.replyNext(401, FakeGmailApi.googleError(401, "authError", "Invalid Credentials", "UNAUTHENTICATED"), Map.of());

        assertThatThrownBy(() -> provider.validateConnection(open(CONNECTION_ID)))
                .isInstanceOf(DeliveryException.class).hasFieldOrPropertyWithValue("code", "needs_reauth");
    }

    @Test
    void anExportWithoutAConnectionIsNotConnected() {
        ExportRequested request = request("ann@example.com");
        ExportRequested unconnected = new ExportRequested(request.schemaVersion(), request.eventId(), request.exportId(),
                request.userId(), "gmail", null, request.destinationId(), null, request.deliverableVersionId(),
                request.title(), request.content(), request.trigger(), 1, request.requestedAt());

        assertThatThrownBy(() -> provider.deliver(unconnected)).isInstanceOf(ConnectionUnusableException.class)
                .hasFieldOrPropertyWithValue("code", "not_connected");
        assertThat(gmail.requests()).isEmpty();
    }

    @Test
    void aMissingServerJarFailsFastNamingTheBuild() {
        GmailExportProvider unbuilt = new GmailExportProvider(mcp, this::open, new GmailProperties("java/not-built.jar", null));

        assertThatThrownBy(() -> unbuilt.deliver(request("ann@example.com"))).isInstanceOf(McpCallException.class)
                .hasMessageContaining("is not built").hasMessageContaining("not-built.jar is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "ann@example.com,bob@example.org", " ann@example.com , bob@example.org "})
    void acceptsCommaSeparatedAddresses(String destination) {
        provider.checkDestination(destination);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ann", "ann@", "@example.com", "ann@example.com,", "ann@example.com,,bob@example.org",
            "Ann <ann@example.com>", "ann@example.com;bob@example.org", "ann example@example.com"})
    void refusesAnythingButEmailAddresses(String destination) {
        assertThatThrownBy(() -> provider.checkDestination(destination)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void refusesMoreThanFiftyRecipients() {
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "user" + i + "@example.com").collect(Collectors.joining(","));

        assertThatThrownBy(() -> provider.checkDestination(fiftyOne)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("at most 50");
    }

    private ActiveConnection open(UUID connectionId) {
        return new ActiveConnection(new Connection(connectionId, UUID.randomUUID(), "gmail", FakeGmailApi.ACCOUNT,
                FakeGmailApi.ACCOUNT, Map.of(), ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")),
                Secret.of(currentToken.get()));
    }

    private static ExportRequested request(String recipients) {
        return request(recipients, "Weekly report", "Revenue **up 12%**\n");
    }

    private static ExportRequested request(String recipients, String title, String content) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "gmail", CONNECTION_ID, recipients, null, UUID.randomUUID(), title, content, ExportTrigger.MANUAL, 1,
                Instant.parse("2026-11-25T10:15:30Z"));
    }
}
