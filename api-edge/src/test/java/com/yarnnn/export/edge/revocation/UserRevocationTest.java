package com.yarnnn.export.edge.revocation;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_REVOKE_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_REVOKE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An operator ends a user's access: older tokens refused everywhere, connections revoked at the vendor and gone. */
class UserRevocationTest extends ConnectedAccountsIntegrationTest {

    private final UUID user = UUID.randomUUID();
    private final String userToken = TestTokens.forUser(user);
    private final String operatorToken = TestTokens.sign(TestTokens.SECRET, claims -> claims
            .subject(UUID.randomUUID().toString()).claim("roles", List.of("operator")));

    @Test
    void revokedUsersTokensAreRefusedAndTheirConnectionsRemoved() {
        connections.add(user, "slack", "T0001", new StoredTokens(Secret.of("xoxb-slack-bot-token-4f1e"), null, null));
        connections.add(user, "gmail", "ann@example.com", new StoredTokens(Secret.of("ya29.google-access-token-e3f0"),
                Secret.of("1//google-refresh-token-a8c6"), FixedClockAndScriptedIds.NOW.plusSeconds(3000)));
        UUID bystander = UUID.randomUUID();
        connections.add(bystander, "slack", "T0002", new StoredTokens(Secret.of("xoxb-slack-bot-token-4f1e"), null, null));
        VENDOR.answer(SLACK_REVOKE_PATH, request -> Response.json("{\"ok\":true,\"revoked\":true}"));
        VENDOR.answer(GOOGLE_REVOKE_PATH, request -> Response.json("{}"));
        assertThat(api.get("/api/integrations/connected", userToken).status()).isEqualTo(200);

        ApiClient.Response revoked = api.postJson("/api/ops/users/" + user + "/revocation", operatorToken, Map.of(), Map.of());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("user_id").asString()).isEqualTo(user.toString());
        assertThat(revoked.json().path("revoked_at").asString()).isEqualTo(FixedClockAndScriptedIds.NOW.toString());
        assertThat(revoked.json().path("connections_removed").asInt()).isEqualTo(2);
        assertThat(VENDOR.requests(SLACK_REVOKE_PATH)).hasSize(1);
        assertThat(VENDOR.requests(GOOGLE_REVOKE_PATH)).hasSize(1);
        assertThat(connections.listForUser(user)).isEmpty();
        assertThat(connections.listForUser(bystander)).hasSize(1);
        assertNoCredentialsIn(revoked.body());

        assertProblem(api.get("/api/integrations/connected", userToken), 401,
                "The bearer token was refused: the user's access was revoked at " + FixedClockAndScriptedIds.NOW);
        String signedInAgain = TestTokens.sign(TestTokens.SECRET, claims -> claims.subject(user.toString())
                .issueTime(Date.from(FixedClockAndScriptedIds.NOW.plusSeconds(1))));
        ApiClient.Response afterwards = api.get("/api/integrations/connected", signedInAgain);
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().path("connections")).isEmpty();
        assertThat(api.get("/api/integrations/connected", TestTokens.forUser(bystander)).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutIssueTimeOfARevokedUserIsRefused() {
        assertThat(api.postJson("/api/ops/users/" + user + "/revocation", operatorToken, Map.of(), Map.of()).status())
                .isEqualTo(200);

        String undated = TestTokens.sign(TestTokens.SECRET, claims -> claims.subject(user.toString()).issueTime(null));

        assertProblem(api.get("/api/integrations/connected", undated), 401, "the user's access was revoked");
    }

    @Test
    void onlyOperatorsRevoke() {
        assertProblem(api.postJson("/api/ops/users/" + user + "/revocation", userToken, Map.of(), Map.of()), 403, "");
        assertThat(api.get("/api/integrations/connected", userToken).status()).isEqualTo(200);
    }

    @Test
    void aUserIdThatIsNoUuidIsABadRequest() {
        assertProblem(api.postJson("/api/ops/users/not-a-user/revocation", operatorToken, Map.of(), Map.of()), 400,
                "");
    }
}
