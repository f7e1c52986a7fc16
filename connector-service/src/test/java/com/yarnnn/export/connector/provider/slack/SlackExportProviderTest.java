package com.yarnnn.export.connector.provider.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real npm {@code server-slack} against a local fake Slack Web API, redirected by the operator override
 * {@code yarnnn.mcp.servers.slack.env} (a fetch preload plus {@code SLACK_API_BASE_URL}): no code knows the fake.
 */
class SlackExportProviderTest {

    static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));
    static final String TOKEN = "xoxb-1111111111-2222222222-TestBotTokenValue42";
    static final String CHANNEL = "C0123456789";

    private static final Logger log = LoggerFactory.getLogger(SlackExportProviderTest.class);

    private FakeSlackApi slack;
    private McpSessionManager mcp;
    private Map<String, String> metadata = Map.of(SlackPermalink.TEAM_DOMAIN, "acme-corp");
    private String connectionToken = TOKEN;
    private final UUID connectionId = UUID.randomUUID();

    @BeforeEach
    void startFakeSlack() throws IOException {
        slack = new FakeSlackApi(TOKEN);
        mcp = sessions(slack.baseUrl());
    }

    @AfterEach
    void stop() {
        mcp.destroy();
        slack.close();
    }

    @Test
    void postsAShortDeliverableAsOneMessageAndLinksToIt() {
        ExportRequested request = request("Weekly report", "## Highlights\n\n- Revenue **up 12%**\n");

        DeliveryReceipt receipt = provider().deliver(request);

        assertThat(slack.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.method()).isEqualTo("POST");
            assertThat(sent.path()).isEqualTo("/api/chat.postMessage");
            assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(sent.contentType()).isEqualTo("application/json");
            assertThat(sent.body().propertyNames()).containsExactly("channel", "text");
            assertThat(sent.body().path("channel").asString()).isEqualTo(CHANNEL);
            assertThat(sent.body().path("text").asString()).isEqualTo("*Weekly report*\n\n*Highlights*\n\n"
                    + "• Revenue *up 12%*\n\n_Exported from YARNNN · ref " + shortId(request) + "_");
        });
        assertThat(receipt.externalId()).isEqualTo(CHANNEL + "/1764064800.000100");
        assertThat(receipt.externalUrl()).isEqualTo("https://acme-corp.slack.com/archives/C0123456789/p1764064800000100");
    }

    @Test
    void postsALongDeliverableAsAParentAndThreadRepliesInOrder() throws Exception {
        String report = corpus("quarterly-review-long.md");
        ExportRequested request = request("Q4 business review", report);
        List<String> expected = new SlackThreadComposer(3_500).compose(request.title(), report, request.exportId());

        DeliveryReceipt receipt = provider().deliver(request);

        List<FakeSlackApi.Request> sent = slack.requests();
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(sent).hasSameSizeAs(expected);
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/chat.postMessage");
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.body().path("channel").asString()).isEqualTo(CHANNEL);
        });
        assertThat(sent.get(0).body().has("thread_ts")).isFalse();
        assertThat(sent.subList(1, sent.size()))
                .allSatisfy(r -> assertThat(r.body().path("thread_ts").asString()).isEqualTo("1764064800.000100"));
        assertThat(sent.stream().map(r -> r.body().path("text").asString()).toList()).isEqualTo(expected);
        assertThat(receipt.externalId()).isEqualTo(CHANNEL + "/1764064800.000100");
    }

    @Test
    void aLaterAttemptFindsWhatAnEarlierOnePostedAndAddsNothingTwice() {
        ExportRequested request = request("Quarterly review", longText());
        SlackExportProvider provider = provider();
        DeliveryReceipt first = provider.deliver(request);
        int posted = slack.messagesIn(CHANNEL);

        DeliveryReceipt again = provider.redeliver(request);

        assertThat(slack.messagesIn(CHANNEL)).isEqualTo(posted);
        assertThat(again).isEqualTo(first);
        assertThat(slack.requests()).extracting(FakeSlackApi.Request::apiMethod)
                .contains("conversations.history", "conversations.replies");
    }

    @Test
    void aLaterAttemptPostsWhenNothingWasPosted() {
        DeliveryReceipt receipt = provider().redeliver(request("Report", "text"));

        assertThat(slack.messagesIn(CHANNEL)).isEqualTo(1);
        assertThat(receipt.externalId()).startsWith(CHANNEL + "/");
    }

    @Test
    void linksToTheChannelWhenTheWorkspaceDomainIsUnknown() {
        metadata = Map.of();

        DeliveryReceipt receipt = provider().deliver(request("Report", "text"));

        assertThat(receipt.externalUrl()).isEqualTo("https://slack.com/app_redirect?channel=C0123456789&team=T0FAKETEAM");
    }

    @Test
    void aMissingChannelFailsForGoodWithAClearMessage() {
        slack.answerNextWithError("chat.postMessage", "channel_not_found");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", longText())));

        assertThat(failure.code()).isEqualTo("channel_not_found");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("Slack channel was not found");
        assertThat(slack.requests()).hasSize(1);
    }

    @Test
    void aRateLimitIsRetryable() {
        slack.answerNext("chat.postMessage", 429, Map.of("Retry-After", "30"), "{\"ok\":false,\"error\":\"ratelimited\"}");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aRevokedTokenAsksForReconnection() {
        connectionToken = "xoxb-revoked-token";

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("needs_reauth");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("reconnect Slack");
        assertThat(slack.requests()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer xoxb-revoked-token"));
    }

    @Test
    void slackUnreachableIsRetryable() throws IOException {
        mcp.destroy();
        mcp = sessions("http://127.0.0.1:" + closedPort() + "/api/");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("slack_unreachable");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aSlackOutagePageIsRetryable() {
        slack.answerNext("chat.postMessage", 503, Map.of(), "<html><body>Service Unavailable</body></html>");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void aRateLimitStormOfOneWorkspaceLeavesTheOtherAloneAndCountsItsCalls() throws IOException {
        String stormed = "xoxb-3333333333-4444444444-StormedWorkspace";
        workspaces(TOKEN, stormed);
        FakeSlackApi.FaultWindow storm = slack.rateLimit(stormed, Duration.ofMinutes(1), Duration.ofSeconds(10));

        DeliveryReceipt delivered = provider().deliver(request("Calm", "text"));
        connectionToken = stormed;
        DeliveryException limited = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Stormed", "text")));
        DeliveryException limitedAgain = catchThrowableOfType(DeliveryException.class,
                () -> provider().redeliver(request("Stormed", "text")));

        assertThat(delivered.externalId()).startsWith(CHANNEL + "/");
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limitedAgain.code()).isEqualTo("rate_limited");
        assertThat(slack.calls(stormed)).extracting(FakeSlackApi.Call::apiMethod, FakeSlackApi.Call::status)
                .containsExactly(tuple("chat.postMessage", 429), tuple("conversations.history", 429));
        assertThat(slack.calls(stormed)).allSatisfy(call -> assertThat(storm.covers(stormed, call.at())).isTrue());
        assertThat(slack.calls(TOKEN)).extracting(FakeSlackApi.Call::status).containsExactly(200);
        assertThat(slack.posts(TOKEN)).singleElement().satisfies(post -> {
            assertThat(post.channel()).isEqualTo(CHANNEL);
            assertThat(post.text()).startsWith("*Calm*");
        });
        assertThat(slack.posts(stormed)).isEmpty();
    }

    @Test
    void anOutageOfEveryWorkspaceIsRetryableAndCountedPerWorkspace() throws IOException {
        String other = "xoxb-5555555555-6666666666-OtherWorkspace";
        workspaces(TOKEN, other);
        slack.outage(Duration.ofMinutes(1));

        DeliveryException down = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));
        connectionToken = other;
        DeliveryException otherDown = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(List.of(down, otherDown)).allSatisfy(failure -> {
            assertThat(failure.code()).isEqualTo("slack_unreachable");
            assertThat(failure.retryable()).isTrue();
        });
        assertThat(slack.calls()).extracting(FakeSlackApi.Call::token, FakeSlackApi.Call::apiMethod,
                FakeSlackApi.Call::status).containsExactly(tuple(TOKEN, "chat.postMessage", 503),
                tuple(other, "chat.postMessage", 503));
        assertThat(slack.messagesIn(CHANNEL)).isZero();
    }

    @Test
    void eachWorkspaceHasItsOwnChannelsAndALaterAttemptLooksOnlyInItsOwn() throws IOException {
        String other = "xoxb-5555555555-6666666666-OtherWorkspace";
        workspaces(TOKEN, other);

        provider().deliver(request("First workspace", "text"));
        connectionToken = other;
        provider().redeliver(request("Other workspace", "text"));

        assertThat(slack.posts(TOKEN)).extracting(FakeSlackApi.Post::text)
                .singleElement().asString().startsWith("*First workspace*");
        assertThat(slack.posts(other)).extracting(FakeSlackApi.Post::text)
                .singleElement().asString().startsWith("*Other workspace*");
        assertThat(slack.messagesIn(CHANNEL)).isEqualTo(2);
    }

    @Test
    void anOutageAnswersAnHtmlPageWith503() throws Exception {
        slack.outage(TOKEN, Duration.ofMinutes(1));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(slack.baseUrl() + "chat.postMessage"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"" + CHANNEL + "\",\"text\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).startsWith("<!DOCTYPE html>");
        assertThat(slack.calls()).extracting(FakeSlackApi.Call::token, FakeSlackApi.Call::status)
                .containsExactly(tuple(TOKEN, 503));
        assertThat(slack.messagesIn(CHANNEL)).isZero();
    }

    @Test
    void listsThePublicChannelsAcrossPagesByName() {
        slack.channels(450, "team");

        List<Destination> destinations = provider().destinations(connection());

        assertThat(destinations).hasSize(450);
        assertThat(destinations.get(0)).isEqualTo(new Destination("C0000000001", "#team-0001", "channel"));
        assertThat(destinations).isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));
        List<FakeSlackApi.Request> sent = slack.requests();
        assertThat(sent).hasSize(3).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.path()).isEqualTo("/api/conversations.list");
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.query()).containsEntry("limit", "200").containsEntry("types", "public_channel")
                    .containsEntry("exclude_archived", "true").containsEntry("team_id", "T0FAKETEAM");
        });
        assertThat(sent.get(0).query()).doesNotContainKey("cursor");
        assertThat(sent.get(1).query()).containsKey("cursor");
    }

    @Test
    void stopsListingAtTheCap() {
        slack.channels(SlackExportProvider.MAX_DESTINATIONS + 150, "c");

        List<Destination> destinations = provider().destinations(connection());

        assertThat(destinations).hasSize(SlackExportProvider.MAX_DESTINATIONS);
        assertThat(slack.requests()).hasSize(5);
    }

    @Test
    void validatesAConnectionWithOneCheapCall() {
        slack.channels(3, "general");

        provider().validateConnection(connection());

        assertThat(slack.requests()).singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("limit", "1"));

        connectionToken = "xoxb-wrong";
        assertThatThrownBy(() -> provider().validateConnection(connection()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.code()).isEqualTo("needs_reauth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0123456789", "C01234567", "G012345678", "C0123456789A"})
    void acceptsChannelIds(String destination) {
        provider().checkDestination(destination);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"#general", "general", "c0123456789", "C0123", "U0123456789", "D0123456789",
            "C0123456789ABC", "C012345678 "})
    void refusesWhatIsNotAChannelId(String destination) {
        assertThatThrownBy(() -> provider().checkDestination(destination))
                .isInstanceOf(InvalidDestinationException.class).hasMessageContaining("channel id");
    }

    @Test
    void aWarmSessionServesLaterExportsWithoutRestartingTheServer() {
        SlackExportProvider provider = provider();
        long start = System.nanoTime();
        provider.deliver(request("First", "The first export starts the server."));
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        long pid = mcp.liveSessions().get(0).pid();

        int warmExports = 20;
        long[] warmMillis = new long[warmExports];
        for (int i = 0; i < warmExports; i++) {
            long warmStart = System.nanoTime();
            provider.deliver(request("Warm " + i, "- one\n- two\n\n**done**"));
            warmMillis[i] = (System.nanoTime() - warmStart) / 1_000_000;
        }
        Arrays.sort(warmMillis);

        log.info("Slack export against the fake: first (server start) {} ms; warm session: median {} ms, min {} ms, "
                + "max {} ms over {} exports", firstMillis, warmMillis[warmExports / 2], warmMillis[0],
                warmMillis[warmExports - 1], warmExports);
        assertThat(mcp.liveSessions()).singleElement().satisfies(s -> assertThat(s.pid()).isEqualTo(pid));
        assertThat(slack.requests()).hasSize(1 + warmExports);
    }

    @Test
    void theBotTokenAppearsInNoLogLineAndNoErrorMessage() throws IOException {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.yarnnn");
        ch.qos.logback.classic.Logger sdk = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.modelcontextprotocol");
        Level ourLevel = ours.getLevel();
        Level sdkLevel = sdk.getLevel();
        root.addAppender(logs);
        ours.setLevel(Level.DEBUG);
        sdk.setLevel(Level.DEBUG);
        List<Throwable> failures = new ArrayList<>();
        try {
            provider().deliver(request("Report", "Secret plans for " + TOKEN.substring(0, 4)));
            slack.answerNextWithError("chat.postMessage", "channel_not_found");
            failures.add(catchThrowable(() -> provider().deliver(request("Report", "text"))));
            slack.answerNextWithError("chat.postMessage", "ratelimited");
            failures.add(catchThrowable(() -> provider().deliver(request("Report", "text"))));
            connectionToken = TOKEN + "-rotated";
            failures.add(catchThrowable(() -> provider().deliver(request("Report", "text"))));
            mcp.destroy();
            mcp = sessions("http://127.0.0.1:" + closedPort() + "/api/");
            failures.add(catchThrowable(() -> provider().deliver(request("Report", "text"))));
        } finally {
            root.detachAppender(logs);
            ours.setLevel(ourLevel);
            sdk.setLevel(sdkLevel);
        }

        assertThat(failures).hasSize(4).allSatisfy(failure -> {
            assertThat(failure).isInstanceOf(DeliveryException.class);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
        });
        List<ILoggingEvent> serverOutput = logs.list.stream()
                .filter(e -> e.getLoggerName().equals("com.yarnnn.export.connector.mcp.server.slack")).toList();
        assertThat(serverOutput).as("the server's stderr, message text included, is captured at DEBUG only")
                .isNotEmpty().allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG))
                .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Secret plans"));
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain(TOKEN);
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
            }
        });
        assertThat(logs.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("Secret plans"));
    }

    /** The fake serves these workspaces instead, each with its own bot token; the connection uses the first. */
    private void workspaces(String... tokens) throws IOException {
        mcp.destroy();
        slack.close();
        slack = new FakeSlackApi(List.of(tokens));
        mcp = sessions(slack.baseUrl());
        connectionToken = tokens[0];
    }

    SlackExportProvider provider() {
        return new SlackExportProvider(mcp, connections(), new SlackProperties(null, null));
    }

    ConnectionAccess connections() {
        return id -> connection();
    }

    ActiveConnection connection() {
        return new ActiveConnection(new Connection(connectionId, UUID.randomUUID(), "slack", "T0FAKETEAM", "Acme Corp",
                metadata, ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T09:00:00Z")), Secret.of(connectionToken));
    }

    ExportRequested request(String title, String content) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "slack", connectionId, CHANNEL, null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }

    /** Sessions whose Slack server is pointed at {@code apiBase} by configuration only. */
    static McpSessionManager sessions(String apiBase) {
        return new McpSessionManager(new McpProperties(SERVERS, null, null, null, Map.of("slack",
                new McpProperties.ServerOverride(null, null, Map.of(
                        "NODE_OPTIONS", "--import=" + SERVERS.resolve("slack-fetch-redirect.mjs").toAbsolutePath(),
                        "SLACK_API_BASE_URL", apiBase)))));
    }

    static String corpus(String name) throws IOException {
        return Files.readString(Path.of(resource("/markdown/" + name)));
    }

    static String longText() {
        return "A paragraph of a long report. ".repeat(300);
    }

    private static String resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(SlackExportProviderTest.class.getResource(name)).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId(ExportRequested request) {
        return request.exportId().toString().substring(0, 8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
