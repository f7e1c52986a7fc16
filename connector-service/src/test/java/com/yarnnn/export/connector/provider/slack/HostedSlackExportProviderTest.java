package com.yarnnn.export.connector.provider.slack;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpProperties;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.ConnectionSessions;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.RenewableConnection;
import com.yarnnn.export.fakes.hosted.HostedMcpRequest;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on transport {@code remote}, against {@link HostedSlackMcp} (a double of Slack's hosted MCP server
 * with its recorded tool schemas), through the real {@link RemoteMcpSessions}: what was posted is read back from the
 * double, and its call counts show nothing was posted twice.
 */
class HostedSlackExportProviderTest {

    static final String TEAM = "T0FAKETEAM";
    static final String CHANNEL = "C0123456789";
    static final String TOKEN = "xoxp-1111111111-2222222222-TestUserTokenValue42";
    static final String RENEWED = "xoxp-1111111111-2222222222-RenewedUserToken43";

    private final HostedSlackMcp slack = HostedSlackMcp.start().workspace(TEAM, "acme-corp")
            .channel(TEAM, CHANNEL, "general").channel(TEAM, "C0AAAAAAAAA", "announcements")
            .channel(TEAM, "C0BBBBBBBBB", "design").token(TOKEN, TEAM, "U0AUTHOR").token(RENEWED, TEAM, "U0AUTHOR");
    private final RemoteMcpSessions sessions = new RemoteMcpSessions(new RemoteMcpProperties(Map.of("slack",
            new RemoteMcpProperties.Server(URI.create(slack.url()), Duration.ofSeconds(10))), null, null, null, null,
            null), Clock.systemUTC());
    private final RenewableConnection connection = new RenewableConnection("slack", TEAM, TOKEN, RENEWED);

    @AfterEach
    void stop() {
        sessions.destroy();
        slack.close();
    }

    @Test
    void postsTheFirstMessageThenTheRestAsRepliesInItsThread() {
        ExportRequested request = request("Quarterly review", SlackExportProviderTest.longText());
        List<String> expected = composed(request);

        DeliveryReceipt receipt = provider().deliver(request);

        assertThat(expected).hasSizeGreaterThan(2);
        List<HostedSlackMcp.Message> top = slack.messages(TEAM, CHANNEL);
        assertThat(top).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(expected.get(0));
            assertThat(m.user()).isEqualTo("U0AUTHOR");
        });
        String ts = top.get(0).ts();
        assertThat(slack.thread(TEAM, CHANNEL, ts)).extracting(HostedSlackMcp.Message::text).isEqualTo(expected);
        assertThat(slack.callCount("slack_send_message")).isEqualTo(expected.size());
        assertThat(receipt.externalId()).isEqualTo(CHANNEL + "/" + ts);
        assertThat(receipt.externalUrl()).isEqualTo(HostedSlackMcp.permalink("acme-corp", CHANNEL, ts, null));
        assertThat(slack.requests()).extracting(HostedMcpRequest::token).containsOnly(TOKEN);
    }

    @Test
    void theMessageIsStandardMarkdownWithNoMrkdwnAndALaterAttemptFindsIt() {
        ExportRequested request = request("Q3 <draft> & notes", """
                Revenue is **up 12%**, see [the dashboard](https://example.com/q3?a=1&b=2).

                | Region | Revenue |
                |--------|--------:|
                | EU & UK | 1,200 |

                Run `a < b && c`:

                ```
                if (a < b && c) { return; }
                ```
                """);
        SlackExportProvider provider = provider();

        provider.deliver(request);

        HostedSlackMcp.Message posted = slack.messages(TEAM, CHANNEL).get(0);
        assertThat(posted.text()).isEqualTo("""
                **Q3 \\<draft> & notes**

                Revenue is **up 12%**, see [the dashboard](https://example.com/q3?a=1&b=2).

                ```
                Region  | Revenue
                --------+--------
                EU & UK |   1,200
                ```

                Run `a < b && c`:

                ```
                if (a < b && c) { return; }
                ```

                _Exported from YARNNN ·\s""" + "ref " + request.exportId().toString().substring(0, 8) + "_");
        assertThat(posted.text()).doesNotContain("&lt;", "&gt;", "&amp;", "<https://", "|the dashboard>")
                .doesNotContainPattern("(?<![*])\\*up 12%\\*(?![*])");

        assertThat(provider.redeliver(request).externalId()).isEqualTo(CHANNEL + "/" + posted.ts());
        assertThat(slack.callCount("slack_send_message")).as("the later attempt found the message").isEqualTo(1);
    }

    @Test
    void aLaterAttemptAfterAPartialFailurePostsOnlyTheMissingReplies() {
        ExportRequested request = request("Quarterly review", SlackExportProviderTest.longText());
        List<String> expected = composed(request);
        SlackExportProvider provider = provider();
        // the first message and the first reply are posted, the second reply fails
        slack.failCallsOfAfter("slack_send_message", 2, 1, "internal_error");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request));
        assertThat(failure.code()).isEqualTo("slack_unavailable");
        assertThat(failure.retryable()).isTrue();
        String ts = slack.messages(TEAM, CHANNEL).get(0).ts();
        assertThat(slack.thread(TEAM, CHANNEL, ts)).hasSize(2);

        DeliveryReceipt receipt = provider.redeliver(request);

        assertThat(slack.messages(TEAM, CHANNEL)).hasSize(1);
        assertThat(slack.thread(TEAM, CHANNEL, ts)).extracting(HostedSlackMcp.Message::text).isEqualTo(expected);
        assertThat(slack.callCount("slack_send_message")).as("every message once, plus the one that failed")
                .isEqualTo(expected.size() + 1);
        assertThat(slack.callCount("slack_read_channel")).isEqualTo(1);
        assertThat(slack.callCount("slack_read_thread")).isEqualTo(1);
        assertThat(slack.callCount("slack_search_public")).isZero();
        assertThat(receipt.externalId()).isEqualTo(CHANNEL + "/" + ts);
        assertThat(receipt.externalUrl()).isEqualTo(HostedSlackMcp.permalink("acme-corp", CHANNEL, ts, null));
    }

    @Test
    void aLaterAttemptAfterACompleteOneAddsNothingAndOneThatFindsNothingPosts() {
        SlackExportProvider provider = provider();
        ExportRequested request = request("Quarterly review", SlackExportProviderTest.longText());
        DeliveryReceipt first = provider.deliver(request);
        int sent = slack.callCount("slack_send_message");

        assertThat(provider.redeliver(request)).isEqualTo(first);
        assertThat(slack.callCount("slack_send_message")).isEqualTo(sent);

        provider.redeliver(request("Other", "text"));
        assertThat(slack.messages(TEAM, CHANNEL)).hasSize(2);
    }

    @Test
    void a401RenewsTheTokenOnceAndTheExportIsDeliveredOnce() {
        slack.faults().nextToolCalls(1).unauthorized();

        DeliveryReceipt receipt = provider().deliver(request("Report", "text"));

        assertThat(connection.refreshes()).isEqualTo(1);
        assertThat(slack.messages(TEAM, CHANNEL)).singleElement()
                .satisfies(m -> assertThat(receipt.externalId()).isEqualTo(CHANNEL + "/" + m.ts()));
        assertThat(slack.callCount("slack_send_message")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slack.requests())
                .filteredOn(r -> "slack_send_message".equals(r.tool()))
                .extracting(HostedMcpRequest::token).containsExactly(TOKEN, RENEWED));
    }

    @Test
    void aRevokedTokenNeedsReauthorisation() {
        slack.revoke(TOKEN);
        connection.renewsTo(TOKEN); // no refresh token: the connection cannot renew it

        ConnectionUnusableException failure = catchThrowableOfType(ConnectionUnusableException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo(NEEDS_REAUTH);
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        assertThat(slack.callCount("slack_send_message")).isZero();
    }

    @Test
    void a429PassesOnItsRetryAfter() {
        slack.faults().nextToolCalls(1).rateLimited(Duration.ofSeconds(2));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(slack.messages(TEAM, CHANNEL)).isEmpty();
    }

    @Test
    void slackErrorsAreClassifiedAsOnTheStdioTransport() {
        slack.failNextCallsOf("slack_send_message", 1, "ratelimited");
        DeliveryException limited = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));
        assertThat(limited.code()).isEqualTo("rate_limited");
        assertThat(limited.retryable()).isTrue();

        DeliveryException missing = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text", "C0NOSUCHCHAN")));
        assertThat(missing.code()).isEqualTo("channel_not_found");
        assertThat(missing.retryable()).isFalse();

        slack.failNextCallsOf("slack_send_message", 1, "token_revoked");
        DeliveryException revoked = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));
        assertThat(revoked.code()).isEqualTo(NEEDS_REAUTH);
        assertThat(slack.messages(TEAM, CHANNEL)).isEmpty();
    }

    @Test
    void aDroppedSessionIsReplacedAndTheExportDeliveredOnce() {
        SlackExportProvider provider = provider();
        provider.deliver(request("First", "text"));
        assertThat(slack.faults().dropAllSessions()).isEqualTo(1);

        provider.deliver(request("Second", "text"));

        assertThat(slack.messages(TEAM, CHANNEL)).hasSize(2);
        assertThat(slack.callCount("slack_send_message")).isEqualTo(2);
        assertThat(slack.sessionsStarted()).isEqualTo(2);
    }

    @Test
    void listsTheWorkspacesChannelsByNameAndValidatesTheConnection() {
        List<Destination> destinations = provider().destinations(connection.active());

        assertThat(destinations).containsExactly(new Destination("C0AAAAAAAAA", "#announcements", "channel"),
                new Destination("C0BBBBBBBBB", "#design", "channel"), new Destination(CHANNEL, "#general", "channel"));
        provider().validateConnection(connection.active());
        assertThat(slack.callCount("slack_search_channels")).isEqualTo(2);
    }

    @Test
    void disconnectingClosesTheConnectionsRemoteClient() {
        provider().deliver(request("Report", "text"));
        assertThat(sessions.openClients()).isEqualTo(1);
        McpSessionManager mcp = new McpSessionManager(new McpProperties(Path.of("."), null, null, null, Map.of()));
        try {
            new ConnectionSessions(mcp, sessions).close(connection.active().connection());
        } finally {
            mcp.destroy();
        }

        assertThat(sessions.openClients()).isZero();
    }

    private SlackExportProvider provider() {
        return new SlackExportProvider(sessions, connection,
                new SlackProperties(null, null, SlackProperties.Transport.REMOTE));
    }

    private ExportRequested request(String title, String content) {
        return request(title, content, CHANNEL);
    }

    private ExportRequested request(String title, String content, String channel) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "slack", connection.id(), channel, null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }

    private static List<String> composed(ExportRequested request) {
        return new SlackThreadComposer(new SlackProperties(null, null).maxMessageChars(), SlackStandardMarkdown.INSTANCE)
                .compose(request.title(), request.content(), request.exportId());
    }
}
