package com.yarnnn.export.edge.oauth;

import static com.yarnnn.export.connector.testing.OAuthTestApps.GOOGLE_TOKEN_PATH;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.testing.OAuthTestApps;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.oauth.OAuthStateCodec.StateClaims;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A callback is accepted only with a state this server signed, for the provider called back, unexpired and
 * unused, naming the user whose authorization it was; anything else is sent back with a readable error and
 * nothing is exchanged or saved.
 */
class OAuthStateTest extends ConnectedAccountsIntegrationTest {

    private static final String CODE = "vendor-auth-code-5d21";
    private static final OAuthStateCodec CODEC = new OAuthStateCodec(STATE_SECRET);

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @BeforeEach
    void slackAnswers() {
        VENDOR.answer(SLACK_TOKEN_PATH, request -> Response.json("{\"ok\":true,\"access_token\":\"xoxb-slack-bot-token-4f1e\","
                + "\"token_type\":\"bot\",\"bot_user_id\":\"U0BOT\",\"team\":{\"id\":\"T0001\",\"name\":\"Acme\"}}"));
    }

    @Test
    void aStateWithAnAlteredSignatureIsRefused() {
        String state = slackState();
        String altered = state.substring(0, state.length() - 2) + (state.endsWith("AA") ? "BB" : "AA");

        assertRefused("slack", altered, "invalid_state", "The connection attempt could not be verified: start it again from Settings");
    }

    @Test
    void aStateNamingAnotherUserUnderTheSameSignatureIsRefused() {
        String state = slackState();
        String[] parts = state.split("\\.");
        String otherUser = parts[0] + "." + UUID.randomUUID() + "." + parts[2] + "." + parts[3];

        assertRefused("slack", otherUser, "invalid_state", "The connection attempt could not be verified: start it again from Settings");
    }

    @Test
    void aStateSignedForAnotherUserThanTheOneWhoStartedIsRefused() {
        String[] parts = slackState().split("\\.");
        UUID mallory = UUID.randomUUID();
        String signedForMallory = CODEC.encode(new StateClaims(UUID.fromString(parts[0]), mallory, "slack"));

        assertRefused("slack", signedForMallory, "invalid_state", "The connection attempt could not be verified: start it again from Settings");
        assertThat(connections.listForUser(mallory)).isEmpty();
    }

    @Test
    void theConnectionGoesToTheUserWhoStartedNotToWhoeverFollowsTheLink() {
        String state = slackState();

        assertThat(callback("slack", Map.of("code", CODE, "state", state)).header("Location"))
                .isEqualTo(SETTINGS_URL + "?connected=slack");

        assertThat(connections.listForUser(user)).singleElement()
                .satisfies(connection -> assertThat(connection.userId()).isEqualTo(user));
    }

    @Test
    void aStateIsUsedOnce() {
        String state = slackState();
        assertThat(callback("slack", Map.of("code", CODE, "state", state)).header("Location")).endsWith("?connected=slack");

        assertThat(query(callback("slack", Map.of("code", "another-code", "state", state)).header("Location")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("error", "used_state",
                        "message", "This connection attempt was already completed: start it again from Settings"));

        assertThat(VENDOR.requests(SLACK_TOKEN_PATH)).hasSize(1);
        assertThat(connections.listForUser(user)).hasSize(1);
    }

    @Test
    void aStateOlderThanTenMinutesIsRefused() {
        String state = issuedAgo(Duration.ofMinutes(10).plusSeconds(1)).issue(user, "slack").value();

        assertRefused("slack", state, "expired_state",
                "The connection attempt took longer than 10 minutes: start it again from Settings");
    }

    @Test
    void aStateJustUnderTenMinutesOldIsAccepted() {
        String state = issuedAgo(Duration.ofMinutes(9).plusSeconds(59)).issue(user, "slack").value();

        assertThat(callback("slack", Map.of("code", CODE, "state", state)).header("Location")).endsWith("?connected=slack");
    }

    @Test
    void aStateIssuedForAnotherProviderIsRefused() {
        VENDOR.answer(GOOGLE_TOKEN_PATH, request -> Response.json("{\"access_token\":\"ya29.google-access-token-e3f0\","
                + "\"token_type\":\"Bearer\",\"id_token\":\"" + OAuthTestApps.googleIdToken("ann@example.com") + "\"}"));

        assertRefused("gmail", slackState(), "invalid_state",
                "The connection attempt was started for another provider: start it again from Settings");
    }

    @Test
    void aCallbackWithoutStateIsRefused() {
        ApiRefusal refusal = refusal("slack", Map.of("code", CODE));

        assertThat(refusal.error()).isEqualTo("invalid_state");
        assertNothingHappened();
    }

    private String slackState() {
        return query(authorizationUrl("slack", token)).get("state");
    }

    /** The application's states as issued by a clock {@code age} behind the application's. */
    private OAuthStates issuedAgo(Duration age) {
        return new OAuthStates(jdbc, CODEC, Clock.fixed(FixedClockAndScriptedIds.NOW.minus(age), ZoneOffset.UTC),
                Duration.ofMinutes(10));
    }

    private void assertRefused(String providerId, String state, String error, String message) {
        ApiRefusal refusal = refusal(providerId, Map.of("code", CODE, "state", state));

        assertThat(refusal.error()).isEqualTo(error);
        assertThat(refusal.message()).isEqualTo(message);
        assertNothingHappened();
    }

    private ApiRefusal refusal(String providerId, Map<String, String> parameters) {
        String location = callback(providerId, parameters).header("Location");
        assertThat(location).startsWith(SETTINGS_URL + "?error=");
        Map<String, String> query = query(location);
        return new ApiRefusal(query.get("error"), query.get("message"));
    }

    private void assertNothingHappened() {
        assertThat(VENDOR.requests()).isEmpty();
        assertThat(connections.listForUser(user)).isEmpty();
    }

    private record ApiRefusal(String error, String message) {
    }
}
