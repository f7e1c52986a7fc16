package com.yarnnn.export.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.fakes.gmail.FakeGmailApi;
import com.yarnnn.export.fakes.notion.FakeNotionApi;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import com.yarnnn.export.infra.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each provider through the whole pipeline: api-edge attaches the user's connection, the worker reads its token
 * from the vault, the real MCP server (npm Slack and Notion servers, the project's Gmail server) calls a local fake of
 * the vendor's API. The fakes see exactly the expected requests; vendor errors end FAILED with the reason; no token
 * appears on any topic.
 */
class ProviderEndToEndTest extends VendorStackTest {

    private static final String CHANNEL = "C0E2ETEST1";
    private static final String PARENT_PAGE = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a10";

    static FakeSlackApi slack;
    static FakeNotionApi notion;
    static FakeGmailApi gmail;

    @BeforeAll
    static void start() throws Exception {
        startStackWithFakes(Map.of());
        slack = fakes.slack;
        notion = fakes.notion;
        gmail = fakes.gmail;
    }


    @Test
    void slackPostsTheDeliverableAndLinksToTheMessage() {
        slack.clearRequests();

        JsonNode status = exportAndAwait("slack", CHANNEL, "SUCCEEDED");

        List<FakeSlackApi.Request> posts = slack.requests().stream()
                .filter(r -> r.apiMethod().equals("chat.postMessage")).toList();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).authorization()).isEqualTo("Bearer " + VendorFakes.SLACK_TOKEN);
        assertThat(posts.get(0).body().get("channel").asString()).isEqualTo(CHANNEL);
        assertThat(posts.get(0).body().get("text").asString()).startsWith("*Weekly report*").contains("*up 12%*");
        String ts = status.get("external_id").asString().split("/")[1];
        assertThat(status.get("external_url").asString())
                .isEqualTo("https://acme.slack.com/archives/" + CHANNEL + "/p" + ts.replace(".", ""));
    }

    @Test
    void exportsToOneChannelKeepToOneMessagePerSecondWhileTheirLanesRunInParallel() {
        String channel = "C0PACED001";
        List<Instant> granted;
        try (BudgetGrants grants = BudgetGrants.record(jdbc)) {
            List<String> statusUrls = IntStream.range(0, 4)
                    .mapToObj(i -> client.export("slack", channel, "Paced " + i, "Body\n").body()
                            .get("status_url").asString())
                    .toList();

            await().atMost(Duration.ofSeconds(60)).until(() -> statusUrls.stream()
                    .allMatch(url -> "SUCCEEDED".equals(client.get(url).body().get("status").asString())));
            granted = grants.grantedAt("slack:channel:%:" + channel);
        }
        List<Instant> arrived = slack.postTimesIn(channel);

        // The pacing is proven on the tokens, at the instants the budget granted them by its own clock. From token to
        // arrival at the fake there is the MCP server hop, which varies: 0.02-0.45 s once the consumer's server
        // runs, 0.9-9 s for the calls that wait for it to start (the first ones here), which then reach Slack within
        // milliseconds of each other, a burst Slack allows. Gaps measured at the fake went down to 0 s while the
        // tokens were always 1.004 s or more apart.
        assertThat(arrived).as("each message posted once").hasSize(4);
        // a retried attempt takes a token of its own
        assertThat(granted).as("tokens taken").hasSizeGreaterThanOrEqualTo(arrived.size());
        for (int i = 1; i < granted.size(); i++) {
            assertThat(Duration.between(granted.get(i - 1), granted.get(i)))
                    .as("time between tokens %d and %d", i - 1, i).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        // no message reaches Slack before its token: the n-th to arrive came after the n-th token, so within n
        // seconds of the first token Slack saw at most n messages, however the hop bunched them
        for (int i = 0; i < arrived.size(); i++) {
            assertThat(arrived.get(i)).as("arrival of message %d", i).isAfterOrEqualTo(granted.get(i));
        }
    }

    @Test
    void slacksChannelNotFoundFailsWithAReasonAPersonCanActOn() {
        slack.answerNextWithError("chat.postMessage", "channel_not_found");

        JsonNode status = exportAndAwait("slack", CHANNEL, "FAILED");

        assertThat(status.get("error").get("code").asString()).isEqualTo("channel_not_found");
        assertThat(status.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void aTokenSlackRefusesMarksTheConnectionForReconnectionAndFailsTheExportWithThatReason() {
        slack.answerNextWithError("chat.postMessage", "token_revoked");

        JsonNode status = exportAndAwait("slack", CHANNEL, "FAILED");

        assertThat(status.get("error").get("code").asString()).isEqualTo("needs_reauth");
        JsonNode connections = client.get("/api/integrations/connected").body().get("connections");
        assertThat(connections.findValues("status").stream().map(JsonNode::asString))
                .contains("needs_reauth");
        assertThat(client.export("slack", CHANNEL, "Next", "Body\n").status()).isEqualTo(409);
        fakes.connect(stack.edge().getBean(ConnectionStore.class), user);
        assertThat(client.export("slack", CHANNEL, "Next", "Body\n").status()).isEqualTo(202);
    }

    @Test
    void everyConnectionProvesItselfWithACheapRealCall() {
        for (String provider : List.of("slack", "notion", "gmail")) {
            StackClient.Response validated = client.post("/api/integrations/" + provider + "/validate", Map.of());
            assertThat(validated.status()).as(provider + ": " + validated.body()).isEqualTo(200);
            assertThat(validated.body().get("valid").asBoolean()).isTrue();
        }
        assertThat(slack.requests()).extracting(FakeSlackApi.Request::apiMethod).contains("conversations.list");

        slack.answerNextWithError("conversations.list", "invalid_auth");
        StackClient.Response refused = client.post("/api/integrations/slack/validate", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asString()).isEqualTo("needs_reauth");
        fakes.connect(stack.edge().getBean(ConnectionStore.class), user);
    }

    @Test
    void notionCreatesAPageUnderTheChosenParent() {
        notion.reset();

        JsonNode status = exportAndAwait("notion", PARENT_PAGE, "SUCCEEDED");

        List<FakeNotionApi.Request> creates = notion.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/pages")).toList();
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).headers().get("authorization")).isEqualTo("Bearer " + VendorFakes.NOTION_TOKEN);
        assertThat(creates.get(0).body().get("parent").get("page_id").asString()).isEqualTo(PARENT_PAGE);
        assertThat(status.get("external_url").asString()).startsWith("https://www.notion.so/");
    }

    @Test
    void notionsValidationErrorFailsWithNotionsReason() {
        notion.failNext("POST", 400, "validation_error", "body.children[0] should be defined");

        JsonNode status = exportAndAwait("notion", PARENT_PAGE, "FAILED");

        assertThat(status.get("error").get("code").asString()).isEqualTo("validation_error");
        assertThat(status.get("error").get("message").asString()).contains("should be defined");
    }

    @Test
    void gmailSendsAMimeEmailFromTheConnectedAccount() {
        gmail.clear();

        JsonNode status = exportAndAwait("gmail", "ann@example.com", "SUCCEEDED");

        List<FakeGmailApi.RecordedRequest> sends = gmail.requests().stream()
                .filter(r -> r.path().equals(FakeGmailApi.SEND_PATH)).toList();
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).header("authorization")).isEqualTo("Bearer " + VendorFakes.GMAIL_TOKEN);
        assertThat(status.get("external_url").asString()).startsWith("https://mail.google.com/mail/u/");
    }

    @Test
    void noTokenAppearsInAnyEventOnAnyTopic() {
        exportAndAwait("slack", CHANNEL, "SUCCEEDED");
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.forTests().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "secrets-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile("export.*"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    events.add(new String(r.value(), StandardCharsets.UTF_8));
                    r.headers().forEach(h -> events.add(new String(h.value(), StandardCharsets.UTF_8)));
                });
                return events.stream().anyMatch(e -> e.contains("\"providerId\":\"slack\""));
            });
        }
        assertThat(events).noneMatch(e -> e.contains(VendorFakes.SLACK_TOKEN) || e.contains(VendorFakes.NOTION_TOKEN) || e.contains(VendorFakes.GMAIL_TOKEN));
    }

    private static JsonNode exportAndAwait(String provider, String destination, String expected) {
        StackClient.Response accepted = client.export(provider, destination, "Weekly report",
                "## Highlights\n\n- Revenue **up 12%**\n- [1, 2] stays text\n");
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String statusUrl = accepted.body().get("status_url").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String now = client.get(statusUrl).body().get("status").asString();
            return now.equals(expected) || now.equals("DEAD_LETTERED");
        });
        JsonNode status = client.get(statusUrl).body();
        assertThat(status.get("status").asString()).as(status.toString()).isEqualTo(expected);
        return status;
    }
}
