package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.fakes.hosted.HostedMcpRequest;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.fakes.hosted.McpFaults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Slack provider on transport {@code remote} through the whole stack: users connect a workspace through the
 * stack's OAuth routes, export through the HTTP API, and the calls reach the double of Slack's hosted MCP server over
 * Streamable HTTP with the user's token. Each test injects one fault at that boundary and counts, in what the double
 * stored, the exports delivered and every paragraph of a long deliverable lost or duplicated across the message and
 * its thread. Each test has a user, a connection and channels of its own.
 */
class RemoteSlackFaultTest extends LocalStackTest {

    private static final String TEAM = "T0REMOTE01";
    private static final String OTHER_TEAM = "T0REMOTE02";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    /** How much later than its due time a retry may reach the vendor: the partition's resume, a poll, the budget. */
    private static final Duration RETRY_LATENESS = Duration.ofSeconds(1);
    private static final int PARAGRAPHS = 12;

    static HostedSlackAccounts accounts;
    static HostedSlackMcp slack;

    @BeforeAll
    static void start() {
        accounts = new HostedSlackAccounts();
        slack = accounts.slack;
        Map<String, Object> properties = new HashMap<>(accounts.properties());
        properties.put("yarnnn.mcp.remote.servers.slack.request-timeout", REQUEST_TIMEOUT.toMillis() + "ms");
        properties.put("yarnnn.delivery.retry-delays", "1s,1s,1s");
        // short messages: a long deliverable is a first message and several replies in its thread
        properties.put("yarnnn.providers.slack.max-message-chars", "500");
        properties.putAll(breakersThatStayClosed());
        startStack(properties);
    }

    @AfterEach
    void clearFaults() {
        slack.faults().clear();
    }

    @AfterAll
    static void stopAccounts() {
        accounts.close();
    }

    @Test
    void aLongDeliverableIsPostedOnceAsAMessageAndItsThreadLinkingToTheMessage() {
        StackClient owner = connectedUser(TEAM, "C0PLAIN001");
        assertThat(owner.get("/api/integrations/slack/destinations").body().findValuesAsString("id"))
                .contains("C0PLAIN001");

        UUID export = accept(owner, "C0PLAIN001", longDeliverable());

        JsonNode status = awaitStatus(owner, export, "SUCCEEDED");
        Delivered delivered = report("plain export", owner, TEAM, "C0PLAIN001", export);
        assertThat(delivered.replies()).as("replies in the thread").isGreaterThan(2);
        String ts = delivered.ts();
        assertThat(status.get("external_id").asString()).isEqualTo("C0PLAIN001/" + ts);
        assertThat(status.get("external_url").asString())
                .isEqualTo(HostedSlackMcp.permalink("acme-remote", "C0PLAIN001", ts, null));
        exportLog.awaitStatuses(export, "SUCCEEDED");
    }

    @Test
    void a401RenewsTheTokenOnceAtSlacksTokenEndpointAndTheCallIsSentAgain() {
        StackClient owner = connectedUser(TEAM, "C0RENEW001");
        int refreshes = accounts.refreshes();
        int logged = slack.requests().size();
        slack.faults().nextCallsOf("slack_send_message", 1).unauthorized();

        UUID export = accept(owner, "C0RENEW001", longDeliverable());

        awaitStatus(owner, export, "SUCCEEDED");
        report("401, refreshed", owner, TEAM, "C0RENEW001", export);
        exportLog.awaitStatuses(export, "SUCCEEDED");
        assertThat(accounts.refreshes()).isEqualTo(refreshes + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<HostedMcpRequest> sends = sendsSince(logged);
            assertThat(sends.get(0).fault()).isEqualTo(McpFaults.Kind.UNAUTHORIZED);
            assertThat(sends.get(1).token()).as("resent with the renewed token").isNotEqualTo(sends.get(0).token());
        });

        UUID next = accept(owner, "C0RENEW001", "Short\n");
        awaitStatus(owner, next, "SUCCEEDED");
        assertThat(accounts.refreshes()).as("the renewed token was kept").isEqualTo(refreshes + 1);
    }

    @Test
    void aRefusedRefreshFailsTheExportNeedsReauthMarksTheConnectionAndPostsNothing() {
        StackClient owner = connectedUser(TEAM, "C0REFUSE01");
        slack.faults().nextCallsOf("slack_send_message", 1).unauthorized();
        accounts.refuseNextRefreshes(1);

        UUID export = accept(owner, "C0REFUSE01", longDeliverable());

        JsonNode status = awaitStatus(owner, export, "FAILED");
        reportNothingPosted("401, refresh refused", TEAM, "C0REFUSE01", status);
        assertThat(status.get("error").get("code").asString()).isEqualTo("needs_reauth");
        assertThat(connectionStatuses(owner)).containsExactly("needs_reauth");
        assertThat(owner.export("slack", "C0REFUSE01", "Next", "Body\n").status()).isEqualTo(409);

        accounts.connect(owner, TEAM);
        UUID afterReconnecting = accept(owner, "C0REFUSE01", "Body\n");
        awaitStatus(owner, afterReconnecting, "SUCCEEDED");
        assertThat(slack.messages(TEAM, "C0REFUSE01")).hasSize(1);
    }

    @Test
    void a401AgainAfterTheRefreshFailsTheExportNeedsReauthAndPostsNothing() {
        StackClient owner = connectedUser(TEAM, "C0TWICE001");
        int refreshes = accounts.refreshes();
        slack.faults().nextCallsOf("slack_send_message", 2).unauthorized();

        UUID export = accept(owner, "C0TWICE001", longDeliverable());

        JsonNode status = awaitStatus(owner, export, "FAILED");
        reportNothingPosted("401 twice", TEAM, "C0TWICE001", status);
        assertThat(status.get("error").get("code").asString()).isEqualTo("needs_reauth");
        assertThat(accounts.refreshes()).as("one refresh, not one per 401").isEqualTo(refreshes + 1);
        assertThat(connectionStatuses(owner)).containsExactly("needs_reauth");
    }

    @Test
    void a429IsWaitedOutForExactlyItsRetryAfterByEveryChannelOfTheConnection() {
        Duration retryAfter = Duration.ofSeconds(3);
        StackClient owner = connectedUser(TEAM, "C0LIMITED1", "C0UNLIMIT1");
        String token = accounts.lastIssuedToken();
        slack.faults().nextCallsOf("slack_send_message", 1).rateLimited(retryAfter);

        UUID limited = accept(owner, "C0LIMITED1", longDeliverable());
        awaitStatus(owner, limited, "RETRYING");
        UUID other = accept(owner, "C0UNLIMIT1", "Body\n");
        awaitStatus(owner, other, "SUCCEEDED");
        awaitStatus(owner, limited, "SUCCEEDED");

        report("429 Retry-After 3 s", owner, TEAM, "C0LIMITED1", limited);
        assertThat(exportLog.errorOfFirstAttempt(limited)).isEqualTo("rate_limited");
        Instant limitedAt = slack.requests().stream().filter(r -> r.fault() == McpFaults.Kind.RATE_LIMITED)
                .reduce((first, second) -> second).orElseThrow().at();
        // the retry is a redelivery: it first reads the channel for what an earlier attempt posted
        Instant retriedAt = slack.requests().stream()
                .filter(r -> token.equals(r.token()) && "slack_read_channel".equals(r.tool()))
                .filter(r -> r.at().isAfter(limitedAt)).findFirst().orElseThrow().at();
        Duration pause = Duration.between(limitedAt, retriedAt);
        System.out.printf("fault 429: Retry-After=%d ms, vendor saw the retry after %d ms (default backoff %d ms)%n",
                retryAfter.toMillis(), pause.toMillis(), RETRY_DELAY.toMillis());
        assertThat(pause).isBetween(retryAfter, retryAfter.plus(RETRY_LATENESS));
        // the hosted server counts the token's calls whatever the channel: the connection's other channel waits too
        assertThat(exportLog.occurredAt(other, "SUCCEEDED")).as("the other channel waited out the pause")
                .isAfterOrEqualTo(limitedAt.plus(retryAfter));
        assertThat(slack.requests()).filteredOn(r -> token.equals(r.token()) && r.tool() != null)
                .filteredOn(r -> r.at().isAfter(limitedAt) && r.at().isBefore(limitedAt.plus(retryAfter)))
                .as("no call through the rate-limited connection during its pause").isEmpty();
    }

    @Test
    void a5xxIsRetriedAndTheExportDeliveredOnce() {
        StackClient owner = connectedUser(TEAM, "C0OUTAGE01");
        slack.faults().nextCallsOf("slack_send_message", 1).unavailable();

        UUID export = accept(owner, "C0OUTAGE01", longDeliverable());

        awaitStatus(owner, export, "SUCCEEDED");
        report("503", owner, TEAM, "C0OUTAGE01", export);
        exportLog.awaitStatuses(export, "RETRYING", "SUCCEEDED");
        assertThat(exportLog.errorOfFirstAttempt(export)).isEqualTo("server_unavailable");
    }

    @Test
    void aSessionDroppedBetweenExportsIsStartedAgainAndTheNextExportDeliveredOnce() {
        StackClient owner = connectedUser(TEAM, "C0DROPPED1");
        UUID first = accept(owner, "C0DROPPED1", "First\n");
        awaitStatus(owner, first, "SUCCEEDED");
        int sessions = slack.sessionsStarted();
        int logged = slack.requests().size();
        assertThat(slack.faults().dropAllSessions()).isPositive();

        UUID second = accept(owner, "C0DROPPED1", longDeliverable());

        awaitStatus(owner, second, "SUCCEEDED");
        report("session dropped between exports", owner, TEAM, "C0DROPPED1", second);
        exportLog.awaitStatuses(second, "SUCCEEDED");
        assertThat(slack.sessionsStarted()).isGreaterThan(sessions);
        assertThat(requestsSince(logged)).as("refused on the dropped session")
                .anyMatch(r -> r.status() == 404);
        assertThat(slack.messages(TEAM, "C0DROPPED1")).hasSize(2);
    }

    @Test
    void aSessionDroppedMidThreadIsStartedAgainAndTheThreadCompletedOnce() {
        StackClient owner = connectedUser(TEAM, "C0DROPPED2");
        // slow replies, so that the session is dropped while the thread is being posted
        slack.faults().latency(Duration.ofMillis(400));
        int sessions = slack.sessionsStarted();

        UUID export = accept(owner, "C0DROPPED2", longDeliverable());
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.messages(TEAM, "C0DROPPED2").size() == 1
                && slack.thread(TEAM, "C0DROPPED2", slack.messages(TEAM, "C0DROPPED2").get(0).ts()).size() >= 2);
        int repliesBeforeTheDrop = slack.thread(TEAM, "C0DROPPED2", slack.messages(TEAM, "C0DROPPED2").get(0).ts())
                .size() - 1;
        int logged = slack.requests().size();
        slack.faults().dropAllSessions();
        slack.faults().latency(Duration.ZERO);

        awaitStatus(owner, export, "SUCCEEDED");
        Delivered delivered = report("session dropped mid-thread", owner, TEAM, "C0DROPPED2", export);
        exportLog.awaitStatuses(export, "SUCCEEDED");
        assertThat(slack.sessionsStarted()).isGreaterThan(sessions);
        assertThat(requestsSince(logged)).as("refused on the dropped session")
                .anyMatch(r -> r.status() == 404);
        assertThat(delivered.replies()).as("replies posted after the drop").isGreaterThan(repliesBeforeTheDrop + 1);
    }

    @Test
    void aHangPastTheRequestTimeoutTimesOutAndTheRetryFindsTheFirstMessageAndCompletesTheThread() {
        StackClient owner = connectedUser(TEAM, "C0HANGING1");
        // the first message is posted just after the call timed out, and before the retry looks for it
        slack.faults().nextCallsOf("slack_send_message", 1).hang(REQUEST_TIMEOUT.plusMillis(300));

        UUID export = accept(owner, "C0HANGING1", longDeliverable());

        awaitStatus(owner, export, "SUCCEEDED");
        Delivered delivered = report("hang past the timeout", owner, TEAM, "C0HANGING1", export);
        exportLog.awaitStatuses(export, "RETRYING", "SUCCEEDED");
        assertThat(exportLog.errorOfFirstAttempt(export)).isEqualTo("timeout");
        assertThat(delivered.replies()).isGreaterThan(2);
    }

    @Test
    void aBurstAcrossTwoWorkspacesWhereOneIsRateLimitedLeavesTheOtherUndelayed() {
        Duration retryAfter = Duration.ofSeconds(4);
        StackClient limitedOwner = connectedUser(TEAM, "C0BURSTL01");
        String limitedToken = accounts.lastIssuedToken();
        List<String> otherChannels = List.of("C0BURSTO01", "C0BURSTO02", "C0BURSTO03", "C0BURSTO04");
        StackClient otherOwner = connectedUser(OTHER_TEAM, otherChannels.toArray(String[]::new));
        slack.faults().nextCallsOf("slack_send_message", 1).rateLimited(retryAfter);

        List<UUID> limited = new ArrayList<>(List.of(accept(limitedOwner, "C0BURSTL01", "Limited 1\n")));
        awaitStatus(limitedOwner, limited.get(0), "RETRYING");
        Instant limitedAt = slack.requests().stream().filter(r -> r.fault() == McpFaults.Kind.RATE_LIMITED)
                .reduce((first, second) -> second).orElseThrow().at();
        Map<UUID, Instant> others = new HashMap<>();
        for (String channel : otherChannels) {
            others.put(accept(otherOwner, channel, "Other\n"), Instant.now());
            limited.add(accept(limitedOwner, "C0BURSTL01", "Limited more\n"));
        }

        others.keySet().forEach(export -> awaitStatus(otherOwner, export, "SUCCEEDED"));
        limited.forEach(export -> awaitStatus(limitedOwner, export, "SUCCEEDED"));

        Duration slowest = others.entrySet().stream()
                .map(e -> Duration.between(e.getValue(), exportLog.occurredAt(e.getKey(), "SUCCEEDED")))
                .max(Duration::compareTo).orElseThrow();
        System.out.printf("fault 429 in one workspace: the other's %d exports took at most %d ms; pause %d ms%n",
                others.size(), slowest.toMillis(), retryAfter.toMillis());
        others.keySet().forEach(export -> assertThat(exportLog.occurredAt(export, "SUCCEEDED"))
                .as("the other workspace's export did not wait").isBefore(limitedAt.plus(retryAfter)));
        for (String channel : otherChannels) {
            assertThat(slack.messages(OTHER_TEAM, channel)).as(channel).hasSize(1);
        }
        assertThat(slack.requests()).filteredOn(r -> limitedToken.equals(r.token()) && r.tool() != null)
                .filteredOn(r -> r.at().isAfter(limitedAt) && r.at().isBefore(limitedAt.plus(retryAfter)))
                .as("no call in the rate-limited workspace during its pause").isEmpty();
        List<String> posted = slack.messages(TEAM, "C0BURSTL01").stream().map(HostedSlackMcp.Message::text).toList();
        System.out.printf("fault 429 burst: sent=%d delivered=%d%n", limited.size(), posted.size());
        assertThat(posted).hasSize(limited.size());
        limited.forEach(export -> assertThat(posted).filteredOn(text -> text.contains(ExportReference.of(export)))
                .as("messages of export %s", export).hasSize(1));
    }

    /** What one export left in its channel: its messages, and each paragraph of the deliverable counted. */
    private record Delivered(String ts, int messages, int replies, int lost, int duplicated) {
    }

    /** A new user with a Slack connection to the workspace, made through OAuth; the channels exist there. */
    private static StackClient connectedUser(String team, String... channels) {
        accounts.channels(team, channels);
        StackClient owner = new StackClient(stack.baseUrl(), SECRET, UUID.randomUUID());
        accounts.connect(owner, team);
        return owner;
    }

    private static String longDeliverable() {
        return IntStream.rangeClosed(1, PARAGRAPHS)
                .mapToObj(i -> "Paragraph " + i + ": " + "the quarter's figures and what they mean. ".repeat(3))
                .collect(Collectors.joining("\n\n"));
    }

    private static UUID accept(StackClient owner, String channel, String content) {
        StackClient.Response accepted = owner.export("slack", channel, "Quarterly review", content);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        return accepted.exportId();
    }

    /**
     * Counts the export's top-level messages (by its reference) and, in the thread of the first, each paragraph of
     * the long deliverable; prints the counts and asserts one message, no paragraph lost or duplicated.
     */
    private static Delivered report(String fault, StackClient owner, String team, String channel, UUID export) {
        List<HostedSlackMcp.Message> top = slack.messages(team, channel).stream()
                .filter(m -> m.text().contains(ExportReference.of(export))).toList();
        assertThat(top).as("messages of the export").isNotEmpty();
        List<HostedSlackMcp.Message> thread = slack.thread(team, channel, top.get(0).ts());
        String text = thread.stream().map(HostedSlackMcp.Message::text).collect(Collectors.joining(" "))
                .replaceAll("\\s+", " ");
        boolean isLong = text.contains("Paragraph 1:");
        int lost = 0;
        int duplicated = 0;
        for (int i = 1; isLong && i <= PARAGRAPHS; i++) {
            int seen = text.split("Paragraph " + i + ":", -1).length - 1;
            lost += seen == 0 ? 1 : 0;
            duplicated += Math.max(0, seen - 1);
        }
        Delivered delivered = new Delivered(top.get(0).ts(), top.size(), thread.size() - 1, lost, duplicated);
        System.out.printf("fault %s: sent=1 delivered=%d duplicated=%d paragraphs lost=%d duplicated=%d replies=%d "
                + "terminal=%s%n", fault, delivered.messages(), delivered.messages() - 1, lost, duplicated,
                delivered.replies(), status(owner, export).get("status").asString());
        assertThat(delivered.messages()).as("top-level messages").isEqualTo(1);
        assertThat(lost).as("paragraphs lost").isZero();
        assertThat(duplicated).as("paragraphs duplicated").isZero();
        return delivered;
    }

    private static void reportNothingPosted(String fault, String team, String channel, JsonNode status) {
        int posted = slack.messages(team, channel).size();
        System.out.printf("fault %s: sent=1 delivered=%d terminal=%s (%s)%n", fault, posted,
                status.get("status").asString(), status.get("error").get("code").asString());
        assertThat(posted).as("messages posted").isZero();
    }

    /** Each connection's own status (its metadata may repeat it). */
    private static List<String> connectionStatuses(StackClient owner) {
        List<String> statuses = new ArrayList<>();
        owner.get("/api/integrations/connected").body().get("connections")
                .forEach(connection -> statuses.add(connection.get("status").asString()));
        return statuses;
    }

    private static List<HostedMcpRequest> requestsSince(int logged) {
        List<HostedMcpRequest> requests = slack.requests();
        return requests.subList(logged, requests.size());
    }

    private static List<HostedMcpRequest> sendsSince(int logged) {
        return requestsSince(logged).stream().filter(r -> "slack_send_message".equals(r.tool())).toList();
    }

    private static JsonNode status(StackClient owner, UUID export) {
        return owner.get("/api/exports/" + export).body();
    }

    /** Waits for the status, or for a terminal one other than it (then fails at once, showing it). */
    private static JsonNode awaitStatus(StackClient owner, UUID export, String expected) {
        List<String> ends = List.of(expected, "SUCCEEDED", "FAILED", "DEAD_LETTERED");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> ends.contains(status(owner, export).get("status").asString()));
        JsonNode status = status(owner, export);
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo(expected);
        return status;
    }
}
