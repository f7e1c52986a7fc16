package com.yarnnn.export.edge.oauth;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_TOKEN_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.NOTION_TOKEN_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Connecting each vendor: start, the vendor's redirect back, the code exchange in its format, the saved connection. */
@ExtendWith(OutputCaptureExtension.class)
class OAuthConnectTest extends ConnectedAccountsIntegrationTest {

    private static final String CODE = "vendor-auth-code-5d21";

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void connectsSlackWithTheBotTokenAndTheTeam(CapturedOutput output) {
        VENDOR.answer(SLACK_TOKEN_PATH, request -> Response.json("""
                {"ok":true,"access_token":"xoxb-slack-bot-token-4f1e","token_type":"bot",
                 "scope":"chat:write,channels:read,groups:read","bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3",
                 "team":{"name":"Acme Corp","id":"T9TK3CUKW"},"enterprise":null,"is_enterprise_install":false,
                 "authed_user":{"id":"U1234","scope":"","access_token":"xoxp-slack-user-token-77aa","token_type":"user"}}
                """));

        String authorizationUrl = authorizationUrl("slack", token);

        assertThat(URI.create(authorizationUrl)).hasScheme("https").hasHost("slack.com").hasPath("/oauth/v2/authorize");
        Map<String, String> authorization = query(authorizationUrl);
        assertThat(authorization).containsEntry("response_type", "code")
                .containsEntry("client_id", SLACK_CLIENT_ID)
                .containsEntry("scope", "chat:write,channels:read,groups:read")
                .containsEntry("redirect_uri", PUBLIC_BASE_URL + "/api/integrations/slack/oauth/callback")
                .containsKey("state")
                .doesNotContainKeys("code_challenge", "code_challenge_method");

        ApiClient.Response back = callback("slack", Map.of("code", CODE, "state", authorization.get("state")));

        assertThat(back.header("Location")).isEqualTo(SETTINGS_URL + "?connected=slack");
        FakeOAuthServer.Request exchange = single(VENDOR.requests(SLACK_TOKEN_PATH));
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(exchange.header("Authorization")).isNull();
        assertThat(exchange.form()).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "authorization_code",
                "code", CODE, "redirect_uri", PUBLIC_BASE_URL + "/api/integrations/slack/oauth/callback",
                "client_id", SLACK_CLIENT_ID, "client_secret", SLACK_CLIENT_SECRET));
        Connection saved = single(connections.listForUser(user));
        assertThat(saved.providerId()).isEqualTo("slack");
        assertThat(saved.accountId()).isEqualTo("T9TK3CUKW");
        assertThat(saved.accountName()).isEqualTo("Acme Corp");
        assertThat(saved.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("team_id", "T9TK3CUKW",
                "team_name", "Acme Corp", "bot_user_id", "U0KRQLJ9H"));
        assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(connections.tokens(saved.id()))
                .isEqualTo(new StoredTokens(Secret.of("xoxb-slack-bot-token-4f1e"), null, null));
        assertNoCredentialsIn(output.getAll());
    }

    @Test
    void connectsNotionWithBasicAuthAndAJsonExchange(CapturedOutput output) {
        VENDOR.answer(NOTION_TOKEN_PATH, request -> Response.json("""
                {"access_token":"ntn_notion-access-token-51c2","token_type":"bearer",
                 "refresh_token":"nrt_notion-refresh-token-0b9d","bot_id":"b7a8c9d0-0000-4000-8000-000000000001",
                 "workspace_id":"0f1e2d3c-0000-4000-8000-000000000002","workspace_name":"Acme Wiki",
                 "workspace_icon":"https://www.notion.so/icon.png",
                 "owner":{"type":"user","user":{"object":"user","id":"u-1","name":"Ann","type":"person",
                          "person":{"email":"ann@example.com"}}},
                 "duplicated_template_id":null,"request_id":"a1b2c3d4-0000-4000-8000-000000000003"}
                """));

        String authorizationUrl = authorizationUrl("notion", token);

        assertThat(URI.create(authorizationUrl)).hasScheme("https").hasHost("api.notion.com")
                .hasPath("/v1/oauth/authorize");
        Map<String, String> authorization = query(authorizationUrl);
        assertThat(authorization).containsEntry("owner", "user")
                .containsEntry("response_type", "code")
                .containsEntry("client_id", NOTION_CLIENT_ID)
                .containsEntry("redirect_uri", PUBLIC_BASE_URL + "/api/integrations/notion/oauth/callback")
                .containsKey("state")
                .doesNotContainKeys("scope", "code_challenge");

        ApiClient.Response back = callback("notion", Map.of("code", CODE, "state", authorization.get("state")));

        assertThat(back.header("Location")).isEqualTo(SETTINGS_URL + "?connected=notion");
        FakeOAuthServer.Request exchange = single(VENDOR.requests(NOTION_TOKEN_PATH));
        assertThat(exchange.basicCredentials()).isEqualTo(NOTION_CLIENT_ID + ":" + NOTION_CLIENT_SECRET);
        assertThat(exchange.header("Content-Type")).startsWith("application/json");
        JsonNode body = exchange.json();
        assertThat(body.properties()).hasSize(3);
        assertThat(body.path("grant_type").asString()).isEqualTo("authorization_code");
        assertThat(body.path("code").asString()).isEqualTo(CODE);
        assertThat(body.path("redirect_uri").asString())
                .isEqualTo(PUBLIC_BASE_URL + "/api/integrations/notion/oauth/callback");
        Connection saved = single(connections.listForUser(user));
        assertThat(saved.providerId()).isEqualTo("notion");
        assertThat(saved.accountId()).isEqualTo("0f1e2d3c-0000-4000-8000-000000000002");
        assertThat(saved.accountName()).isEqualTo("Acme Wiki");
        assertThat(saved.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "workspace_id", "0f1e2d3c-0000-4000-8000-000000000002", "workspace_name", "Acme Wiki",
                "bot_id", "b7a8c9d0-0000-4000-8000-000000000001"));
        assertThat(connections.tokens(saved.id())).isEqualTo(new StoredTokens(
                Secret.of("ntn_notion-access-token-51c2"), Secret.of("nrt_notion-refresh-token-0b9d"), null));
        assertNoCredentialsIn(output.getAll());
    }

    @Test
    void connectsGmailWithPkceAnOfflineGrantAndTheEmailOfTheIdToken(CapturedOutput output) {
        VENDOR.answer(GOOGLE_TOKEN_PATH, request -> Response.json("{\"access_token\":\"ya29.google-access-token-e3f0\","
                + "\"expires_in\":3599,\"refresh_token\":\"1//google-refresh-token-a8c6\","
                + "\"scope\":\"openid https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/userinfo.email\","
                + "\"token_type\":\"Bearer\",\"id_token\":\"" + OAuthTestApps.googleIdToken("ann@example.com") + "\"}"));

        String authorizationUrl = authorizationUrl("gmail", token);

        assertThat(URI.create(authorizationUrl)).hasScheme("https").hasHost("accounts.google.com")
                .hasPath("/o/oauth2/v2/auth");
        Map<String, String> authorization = query(authorizationUrl);
        assertThat(authorization).containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent")
                .containsEntry("response_type", "code")
                .containsEntry("client_id", GOOGLE_CLIENT_ID)
                .containsEntry("scope", "openid email https://www.googleapis.com/auth/gmail.send")
                .containsEntry("redirect_uri", PUBLIC_BASE_URL + "/api/integrations/gmail/oauth/callback")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");

        ApiClient.Response back = callback("gmail", Map.of("code", CODE, "state", authorization.get("state"),
                "scope", "email openid https://www.googleapis.com/auth/gmail.send", "authuser", "0", "prompt", "consent"));

        assertThat(back.header("Location")).isEqualTo(SETTINGS_URL + "?connected=gmail");
        FakeOAuthServer.Request exchange = single(VENDOR.requests(GOOGLE_TOKEN_PATH));
        assertThat(exchange.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = exchange.form();
        assertThat(form).containsOnlyKeys("grant_type", "code", "redirect_uri", "client_id", "client_secret",
                "code_verifier");
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", CODE)
                .containsEntry("redirect_uri", PUBLIC_BASE_URL + "/api/integrations/gmail/oauth/callback")
                .containsEntry("client_id", GOOGLE_CLIENT_ID).containsEntry("client_secret", GOOGLE_CLIENT_SECRET);
        assertThat(form.get("code_verifier")).matches("[A-Za-z0-9_-]{43,128}");
        assertThat(OAuthStateCodec.codeChallenge(form.get("code_verifier")))
                .isEqualTo(authorization.get("code_challenge"));
        Connection saved = single(connections.listForUser(user));
        assertThat(saved.providerId()).isEqualTo("gmail");
        assertThat(saved.accountId()).isEqualTo("ann@example.com");
        assertThat(saved.accountName()).isEqualTo("ann@example.com");
        assertThat(saved.metadata()).containsExactlyEntriesOf(Map.of("email", "ann@example.com"));
        assertThat(connections.tokens(saved.id())).isEqualTo(new StoredTokens(
                Secret.of("ya29.google-access-token-e3f0"), Secret.of("1//google-refresh-token-a8c6"),
                FixedClockAndScriptedIds.NOW.plusSeconds(3599)));
        assertNoCredentialsIn(output.getAll());
    }

    @Test
    void aUserWhoDeclinesIsSentBackWithTheReasonAndNothingIsSaved() {
        String state = query(authorizationUrl("slack", token)).get("state");

        ApiClient.Response back = callback("slack", Map.of("error", "access_denied", "state", state));

        assertThat(back.header("Location")).isEqualTo(SETTINGS_URL
                + "?error=access_denied&message=You%20did%20not%20allow%20access%20to%20Slack,%20so%20nothing%20was%20connected");
        assertThat(VENDOR.requests()).isEmpty();
        assertThat(connections.listForUser(user)).isEmpty();
        assertThat(query(callback("slack", Map.of("code", CODE, "state", state)).header("Location")))
                .as("the declined attempt's state is used up").containsEntry("error", "used_state");
    }

    @Test
    void aRefusedCodeExchangeIsSentBackAsAnErrorAndNothingIsSaved(CapturedOutput output) {
        VENDOR.answer(SLACK_TOKEN_PATH, request -> Response.json("{\"ok\":false,\"error\":\"invalid_code\"}"));
        String state = query(authorizationUrl("slack", token)).get("state");

        ApiClient.Response back = callback("slack", Map.of("code", CODE, "state", state));

        assertThat(query(back.header("Location"))).containsExactlyInAnyOrderEntriesOf(Map.of("error", "exchange_failed",
                "message", "Slack did not complete the connection: start it again from Settings"));
        assertThat(connections.listForUser(user)).isEmpty();
        assertThat(output.getAll()).contains("invalid_code");
        assertNoCredentialsIn(output.getAll());
    }

    @Test
    void aVendorThatIsDownIsAnErrorRedirectNotAServerError() {
        VENDOR.answer(GOOGLE_TOKEN_PATH, request -> new Response(502, "text/html", "<html>Bad gateway</html>"));
        String state = query(authorizationUrl("gmail", token)).get("state");

        ApiClient.Response back = callback("gmail", Map.of("code", CODE, "state", state));

        assertThat(query(back.header("Location"))).containsEntry("error", "exchange_failed");
        assertThat(connections.listForUser(user)).isEmpty();
    }

    @Test
    void startingNeedsABearerTokenAndAKnownConfiguredProvider() {
        assertThat(api.get("/api/integrations/slack/oauth/start", null).status()).isEqualTo(401);
        assertProblem(api.get("/api/integrations/dropbox/oauth/start", token), 404, "no provider 'dropbox'");
    }
}
