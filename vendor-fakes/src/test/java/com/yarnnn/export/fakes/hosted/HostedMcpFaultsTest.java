package com.yarnnn.export.fakes.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.spec.McpTransportException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bearer gate and each injected fault as the Java SDK's Streamable HTTP client (2.1.0) reports it: these tests
 * pin the exception types and messages a client of the hosted servers has to classify.
 */
class HostedMcpFaultsTest {

    private static final Map<String, Object> POST = Map.of("channel_id", "C1", "message", "hello");

    private HostedSlackMcp slack;

    @BeforeEach
    void start() {
        slack = HostedSlackMcp.start();
        slack.workspace("T1", "acme").channel("T1", "C1", "general").token("xoxp-good", "T1", "U1");
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aRequestWithoutTokenIsAnswered401WithABearerChallengeBeforeTheMcpLayer() throws Exception {
        HttpResponse<String> raw = McpTestClients.rawInitialize(slack.url(), null);

        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer realm=\"mcp\"")
                .doesNotContain("error=")
                .contains("resource_metadata=\"" + slack.url().replace("/mcp", "")
                        + "/.well-known/oauth-protected-resource\"");
        assertThat(raw.headers().firstValue("Mcp-Session-Id")).isEmpty();

        try (McpSyncClient client = McpTestClients.client(slack.url(), null)) {
            assertThatThrownBy(client::initialize)
                    .isInstanceOf(RuntimeException.class)
                    .hasMessage("Client failed to initialize by explicit API call")
                    .cause().isInstanceOf(McpHttpClientTransportAuthorizationException.class)
                    .hasMessage("Authorization error when sending message");
        }
        assertThat(slack.sessionsStarted()).isZero();
        assertThat(slack.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void aWrongOrRevokedTokenIsAnsweredInvalidToken() throws Exception {
        HttpResponse<String> wrong = McpTestClients.rawInitialize(slack.url(), "Bearer xoxp-unknown");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString()
                .contains("error=\"invalid_token\"");

        assertThat(McpTestClients.rawInitialize(slack.url(), "Basic eHg6eXk=").statusCode()).isEqualTo(401);
        assertThat(McpTestClients.rawInitialize(slack.url(), "Bearer xoxp-good").statusCode()).isEqualTo(200);
        slack.revoke("xoxp-good");
        assertThat(McpTestClients.rawInitialize(slack.url(), "Bearer xoxp-good").statusCode()).isEqualTo(401);

        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-unknown")) {
            Throwable thrown = catchThrowable(client::initialize);
            McpHttpClientTransportAuthorizationException refused = McpTestClients.find(thrown,
                    McpHttpClientTransportAuthorizationException.class);
            assertThat(refused).isNotNull();
            assertThat(refused.getResponseInfo().statusCode()).isEqualTo(401);
            assertThat(refused.getResponseInfo().headers().firstValue("WWW-Authenticate")).get().asString()
                    .contains("invalid_token");
        }
    }

    @Test
    void theProtectedResourceMetadataTheChallengePointsAtIsServedWithoutToken() throws Exception {
        String metadataUrl = slack.url().replace("/mcp", "/.well-known/oauth-protected-resource");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metadataUrl)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = McpTestClients.JSON.readTree(response.body());
        assertThat(metadata.get("resource").asString()).isEqualTo(slack.url());
        assertThat(metadata.get("scopes_supported").toString()).contains("chat:write");
    }

    @Test
    void an401InjectedIntoAToolCallReachesTheClientAsAnAuthorizationExceptionWithTheChallenge() {
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            slack.faults().nextToolCalls(1).unauthorized();

            Throwable thrown = catchThrowable(() -> McpTestClients.call(client, "slack_send_message", POST));

            assertThat(thrown).isInstanceOf(McpHttpClientTransportAuthorizationException.class)
                    .hasMessage("Authorization error when sending message");
            McpHttpClientTransportAuthorizationException refused = (McpHttpClientTransportAuthorizationException) thrown;
            assertThat(refused.getResponseInfo().statusCode()).isEqualTo(401);
            assertThat(refused.getResponseInfo().headers().firstValue("WWW-Authenticate")).get().asString()
                    .contains("error=\"invalid_token\"");
            assertThat(slack.messages("T1", "C1")).isEmpty();
            assertThat(slack.callCount("slack_send_message")).isZero();

            assertThat(McpTestClients.text(McpTestClients.call(client, "slack_send_message", POST))
                    .get("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void a429ReachesTheClientAsATransportExceptionThatDropsRetryAfter() throws Exception {
        slack.faults().nextRequests(1).rateLimited(Duration.ofSeconds(7));
        HttpResponse<String> raw = McpTestClients.rawInitialize(slack.url(), "Bearer xoxp-good");
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).contains("7");

        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            slack.faults().nextToolCalls(1).rateLimited(Duration.ofMillis(2500));

            Throwable thrown = catchThrowable(() -> McpTestClients.call(client, "slack_send_message", POST));

            assertThat(thrown).isExactlyInstanceOf(McpTransportException.class)
                    .hasMessage("Received unexpected status code: 429, response body: Too Many Requests")
                    .hasNoCause();
            assertThat(thrown.getMessage()).doesNotContain("Retry-After");
            assertThat(slack.requests()).last().satisfies(r -> {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.fault()).isEqualTo(McpFaults.Kind.RATE_LIMITED);
            });
            assertThat(McpTestClients.call(client, "slack_send_message", POST).isError()).isNotEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void a503AndOther5xxReachTheClientAsTransportExceptionsWithTheStatusInTheMessage() {
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            slack.faults().nextToolCalls(1).unavailable();
            slack.faults().nextToolCalls(1).status(502);

            assertThatThrownBy(() -> McpTestClients.call(client, "slack_send_message", POST))
                    .isExactlyInstanceOf(McpTransportException.class)
                    .hasMessage("Received unexpected status code: 503, response body: Service Unavailable");
            assertThatThrownBy(() -> McpTestClients.call(client, "slack_send_message", POST))
                    .isExactlyInstanceOf(McpTransportException.class)
                    .hasMessage("Received unexpected status code: 502, response body: {}");
            assertThat(slack.faults().pending()).isZero();
            assertThat(slack.messages("T1", "C1")).isEmpty();
        }
    }

    @Test
    void aHangOutlastingTheRequestTimeoutFailsTheCallButTheServerStillCarriesItOut() throws Exception {
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good", Duration.ofSeconds(1))) {
            client.initialize();
            slack.faults().nextToolCalls(1).hang(Duration.ofMillis(3000));

            long started = System.nanoTime();
            Throwable thrown = catchThrowable(() -> McpTestClients.call(client, "slack_send_message", POST));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(thrown.getClass().getName()).isEqualTo("reactor.core.Exceptions$ReactiveException");
            assertThat(thrown).cause().isInstanceOf(TimeoutException.class)
                    .hasMessageStartingWith("Did not observe any item or terminal signal within 1000ms");
            assertThat(waitedMs).isBetween(900L, 2900L);
            assertThat(slack.messages("T1", "C1")).isEmpty();

            long deadline = System.nanoTime() + 8_000_000_000L;
            while (slack.messages("T1", "C1").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(slack.messages("T1", "C1")).hasSize(1);
            assertThat(slack.callCount("slack_send_message")).isEqualTo(1);

            McpTestClients.call(client, "slack_send_message", POST);
            assertThat(slack.messages("T1", "C1")).hasSize(2);
        }
    }

    @Test
    void aDroppedSessionAnswers404AndTheClientFailsTheCallThenStartsANewSession() {
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            McpTestClients.call(client, "slack_send_message", POST);
            String firstSession = slack.requests().get(0).sessionId();

            assertThat(slack.faults().dropAllSessions()).isEqualTo(1);

            assertThatThrownBy(() -> McpTestClients.call(client, "slack_send_message", POST))
                    .isExactlyInstanceOf(RuntimeException.class)
                    .hasMessage("MCP session with server terminated")
                    .hasNoCause();
            assertThat(slack.requests()).anySatisfy(r -> {
                assertThat(r.sessionId()).isEqualTo(firstSession);
                assertThat(r.rpcMethod()).isEqualTo("tools/call");
                assertThat(r.status()).isEqualTo(404);
            });

            assertThat(McpTestClients.text(McpTestClients.call(client, "slack_send_message", POST))
                    .get("ok").asBoolean()).isTrue();
            assertThat(slack.sessionsStarted()).isEqualTo(2);
            assertThat(slack.messages("T1", "C1")).hasSize(2);
            assertThat(slack.callCount("slack_send_message")).isEqualTo(2);
        }
    }

    @Test
    void aFaultCanTargetOneToolOrInitialize() {
        slack.faults().nextRequests(1).unavailable();
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            assertThatThrownBy(client::initialize).hasMessage("Client failed to initialize by explicit API call")
                    .cause().hasMessage("Received unexpected status code: 503, response body: Service Unavailable");
        }
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            slack.faults().nextCallsOf("slack_send_message", 2).unavailable();

            assertThat(McpTestClients.call(client, "slack_read_channel", Map.of("channel_id", "C1")).isError())
                    .isNotEqualTo(Boolean.TRUE);
            assertThat(slack.faults().pending()).isEqualTo(2);
            assertThatThrownBy(() -> McpTestClients.call(client, "slack_send_message", POST))
                    .hasMessageContaining("503");
            assertThat(slack.faults().pending()).isEqualTo(1);
            slack.faults().clear();
            McpTestClients.call(client, "slack_send_message", POST);
            assertThat(slack.callCounts()).containsEntry("slack_send_message", 1)
                    .containsEntry("slack_read_channel", 1);
        }
    }

    @Test
    void aLatencyIsAddedToEveryToolCall() {
        try (McpSyncClient client = McpTestClients.client(slack.url(), "xoxp-good")) {
            client.initialize();
            McpTestClients.call(client, "slack_read_channel", Map.of("channel_id", "C1"));
            slack.faults().latency(Duration.ofMillis(120));

            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                McpTestClients.call(client, "slack_send_message", POST);
                assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(120);
            }
            assertThat(slack.faults().latency()).isEqualTo(Duration.ofMillis(120));
        }
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowable(call);
    }
}
