package com.yarnnn.export.edge.connection;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_REVOKE_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_REVOKE_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_REVOKE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The caller's connections: listed without tokens, disconnected with revocation, their destinations listed. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionsTest extends ConnectedAccountsIntegrationTest {

    private static final StoredTokens SLACK_TOKENS = new StoredTokens(Secret.of("xoxb-slack-bot-token-4f1e"), null, null);
    private static final StoredTokens GOOGLE_TOKENS = new StoredTokens(Secret.of("ya29.google-access-token-e3f0"),
            Secret.of("1//google-refresh-token-a8c6"), FixedClockAndScriptedIds.NOW.plusSeconds(3000));
    private static final StoredTokens NOTION_TOKENS = new StoredTokens(Secret.of("ntn_notion-access-token-51c2"),
            Secret.of("nrt_notion-refresh-token-0b9d"), null);

    @Autowired
    private McpSessionManager mcp;

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void listsTheCallersConnectionsWithoutTokens() {
        Connection slack = connections.add(user, "slack", "T0001", SLACK_TOKENS);
        Connection gmail = connections.add(user, "gmail", "ann@example.com", GOOGLE_TOKENS);
        connections.markNeedsReauth(gmail.id());
        connections.add(UUID.randomUUID(), "notion", "ws-other", NOTION_TOKENS);

        ApiClient.Response response = api.get("/api/integrations/connected", token);

        assertThat(response.status()).isEqualTo(200);
        assertNoCredentialsIn(response.body());
        JsonNode listed = response.json().path("connections");
        assertThat(listed).hasSize(2);
        assertThat(listed.valueStream().map(c -> c.path("provider").asString())).containsExactlyInAnyOrder("slack", "gmail");
        JsonNode slackEntry = listed.valueStream().filter(c -> c.path("provider").asString().equals("slack")).findFirst()
                .orElseThrow();
        assertThat(slackEntry.path("connection_id").asString()).isEqualTo(slack.id().toString());
        assertThat(slackEntry.path("display_name").asString()).isEqualTo("Slack");
        assertThat(slackEntry.path("account_name").asString()).isEqualTo("T0001 name");
        assertThat(slackEntry.path("status").asString()).isEqualTo("active");
        assertThat(slackEntry.path("connected_at").asString()).isEqualTo(FixedClockAndScriptedIds.NOW.toString());
        assertThat(listed.valueStream().filter(c -> c.path("provider").asString().equals("gmail")).findFirst()
                .orElseThrow().path("status").asString()).isEqualTo("needs_reauth");
    }

    @Test
    void disconnectingSlackRevokesTheTokenDeletesTheConnectionAndStopsItsServer(CapturedOutput output) {
        Connection slack = connections.add(user, "slack", "T0001", SLACK_TOKENS);
        VENDOR.answer(SLACK_REVOKE_PATH, request -> Response.json("{\"ok\":true,\"revoked\":true}"));
        long pid = mcp.session(everythingServer("slack:" + slack.id())).pid();

        ApiClient.Response response = api.delete("/api/integrations/slack", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("success").asBoolean()).isTrue();
        FakeOAuthServer.Request revoke = VENDOR.requests(SLACK_REVOKE_PATH).get(0);
        assertThat(revoke.method()).isEqualTo("POST");
        assertThat(revoke.header("Authorization")).isEqualTo("Bearer xoxb-slack-bot-token-4f1e");
        assertThat(connections.listForUser(user)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertProblem(api.delete("/api/integrations/slack", token), 404, "Slack is not connected");
        assertNoCredentialsIn(output.getAll());
    }

    @Test
    void disconnectingGmailRevokesTheRefreshToken() {
        connections.add(user, "gmail", "ann@example.com", GOOGLE_TOKENS);
        VENDOR.answer(GOOGLE_REVOKE_PATH, request -> Response.json("{}"));

        assertThat(api.delete("/api/integrations/gmail", token).status()).isEqualTo(200);

        FakeOAuthServer.Request revoke = VENDOR.requests(GOOGLE_REVOKE_PATH).get(0);
        assertThat(revoke.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(revoke.form()).containsExactlyEntriesOf(Map.of("token", "1//google-refresh-token-a8c6"));
        assertThat(connections.listForUser(user)).isEmpty();
    }

    @Test
    void disconnectingNotionRevokesTheAccessTokenWithBasicAuth() {
        connections.add(user, "notion", "ws-1", NOTION_TOKENS);
        VENDOR.answer(NOTION_REVOKE_PATH, request -> Response.json("{\"request_id\":\"r-1\"}"));

        assertThat(api.delete("/api/integrations/notion", token).status()).isEqualTo(200);

        FakeOAuthServer.Request revoke = VENDOR.requests(NOTION_REVOKE_PATH).get(0);
        assertThat(revoke.basicCredentials()).isEqualTo(NOTION_CLIENT_ID + ":" + NOTION_CLIENT_SECRET);
        assertThat(revoke.header("Notion-Version")).isEqualTo("2025-09-03");
        assertThat(revoke.header("Content-Type")).startsWith("application/json");
        assertThat(revoke.json().path("token").asString()).isEqualTo("ntn_notion-access-token-51c2");
        assertThat(connections.listForUser(user)).isEmpty();
    }

    @Test
    void aVendorRefusingTheRevocationDoesNotKeepTheConnection() {
        connections.add(user, "slack", "T0001", SLACK_TOKENS);
        VENDOR.answer(SLACK_REVOKE_PATH, request -> Response.json("{\"ok\":false,\"error\":\"token_revoked\"}"));

        assertThat(api.delete("/api/integrations/slack", token).status()).isEqualTo(200);

        assertThat(connections.listForUser(user)).isEmpty();
    }

    @Test
    void disconnectingAnUnknownProviderIsNotFound() {
        assertProblem(api.delete("/api/integrations/dropbox", token), 404, "There is no provider 'dropbox'");
    }

    @Test
    void destinationsAreListedFromTheConnectedAccountAndCachedBriefly() {
        Connection teamchatConnection = connections.add(user, "teamchat", "W1",
                new StoredTokens(Secret.of("teamchat-token"), null, null));

        ApiClient.Response first = api.get("/api/integrations/teamchat/destinations", token);
        ApiClient.Response second = api.get("/api/integrations/teamchat/destinations", token);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(second.body());
        assertThat(first.json().path("destinations").valueStream().map(d -> List.of(d.path("id").asString(),
                d.path("name").asString(), d.path("kind").asString())))
                .containsExactly(List.of("C001", "#general", "channel"), List.of("C002", "#reports", "channel"));
        assertThat(teamchat.asked).containsExactly(Secret.of("teamchat-token"));
        assertThat(teamchatConnection.status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void destinationsNeedAWorkingConnection() {
        ApiClient.Response notConnected = api.get("/api/integrations/teamchat/destinations", token);
        assertProblem(notConnected, 409, "Connect Teamchat first");
        assertThat(notConnected.json().path("code").asString()).isEqualTo("not_connected");

        Connection revoked = connections.add(user, "teamchat", "W1", new StoredTokens(Secret.of("t"), null, null));
        connections.markNeedsReauth(revoked.id());
        ApiClient.Response needsReauth = api.get("/api/integrations/teamchat/destinations", token);
        assertProblem(needsReauth, 409, "Reconnect Teamchat: its access was revoked or expired");
        assertThat(needsReauth.json().path("code").asString()).isEqualTo("needs_reauth");

        assertProblem(api.get("/api/integrations/folder/destinations", token), 400, "typed in, not listed");
        assertProblem(api.get("/api/integrations/dropbox/destinations", token), 404, "There is no provider 'dropbox'");
        assertThat(teamchat.asked).isEmpty();
    }

    @Test
    void aProviderThatNeedsAnUnconfiguredOAuthAppIsNotConnectable() {
        JsonNode providers = api.get("/api/integrations/available", token).json().path("providers");

        assertThat(providers.valueStream().filter(p -> p.path("id").asString().equals("teamchat")).findFirst()
                .orElseThrow().path("connectable").asBoolean()).isFalse();
        assertThat(providers.valueStream().filter(p -> p.path("id").asString().equals("folder")).findFirst()
                .orElseThrow().path("connectable").asBoolean()).isTrue();
    }

    private static McpServerSpec everythingServer(String key) {
        return new McpServerSpec("everything", key, "node",
                List.of("node_modules/@modelcontextprotocol/server-everything/dist/index.js", "stdio"), Map.of());
    }
}
