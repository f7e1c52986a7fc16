package com.yarnnn.export.edge.oauth;

import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_SECRET;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Connecting Slack on transport {@code remote}, beside {@link OAuthConnectTest}'s bot token: the user-token
 * endpoints and user scopes with a PKCE challenge, and the user token, its rotation pair and the user kept.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "yarnnn.providers.slack.transport=remote")
class SlackUserTokenConnectTest extends ConnectedAccountsIntegrationTest {

    private static final String CODE = "vendor-auth-code-5d21";
    private static final String USER_TOKEN = "xoxe.xoxp-1-slack-user-token-77aa";
    private static final String REFRESH_TOKEN = "xoxe-1-slack-refresh-token-1b2c";

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    void connectsSlackWithAUserTokenForTheHostedServer(CapturedOutput output) {
        VENDOR.answer(SLACK_TOKEN_PATH, request -> Response.json("""
                {"ok":true,"access_token":"%s","token_type":"user","scope":"chat:write,channels:history",
                 "refresh_token":"%s","expires_in":43200,
                 "authed_user":{"id":"U1234","scope":"chat:write,channels:history"},"team":{"id":"T9TK3CUKW"}}
                """.formatted(USER_TOKEN, REFRESH_TOKEN)));

        String authorizationUrl = authorizationUrl("slack", token);

        assertThat(URI.create(authorizationUrl)).hasHost("slack.com").hasPath("/oauth/v2_user/authorize");
        Map<String, String> authorization = query(authorizationUrl);
        assertThat(authorization).containsEntry("client_id", SLACK_CLIENT_ID)
                .containsEntry("scope", "chat:write,channels:history,groups:history,search:read.public")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge");

        ApiClient.Response back = callback("slack", Map.of("code", CODE, "state", authorization.get("state")));

        assertThat(back.header("Location")).isEqualTo(SETTINGS_URL + "?connected=slack");
        Map<String, String> form = single(VENDOR.requests(SLACK_TOKEN_PATH)).form();
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", CODE)
                .containsEntry("client_id", SLACK_CLIENT_ID).containsEntry("client_secret", SLACK_CLIENT_SECRET)
                .containsKey("code_verifier");
        assertThat(OAuthStateCodec.codeChallenge(form.get("code_verifier")))
                .isEqualTo(authorization.get("code_challenge"));
        Connection saved = single(connections.listForUser(user));
        assertThat(saved.accountId()).isEqualTo("T9TK3CUKW");
        assertThat(saved.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("team_id", "T9TK3CUKW",
                "team_name", "T9TK3CUKW", "user_id", "U1234"));
        assertThat(connections.tokens(saved.id())).isEqualTo(new StoredTokens(Secret.of(USER_TOKEN),
                Secret.of(REFRESH_TOKEN), FixedClockAndScriptedIds.NOW.plusSeconds(43_200)));
        assertThat(output.getAll()).doesNotContain(USER_TOKEN, REFRESH_TOKEN);
        assertNoCredentialsIn(output.getAll());
    }
}
