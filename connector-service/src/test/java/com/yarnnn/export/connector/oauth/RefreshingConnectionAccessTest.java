package com.yarnnn.export.connector.oauth;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Token refresh against a fake token endpoint speaking each vendor's format. */
@ExtendWith(OutputCaptureExtension.class)
class RefreshingConnectionAccessTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final Secret OLD_ACCESS = Secret.of("ya29.old-access-token");
    private static final Secret OLD_REFRESH = Secret.of("1//old-refresh-token");

    private final FakeOAuthServer vendor = FakeOAuthServer.start();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryConnectionStore store = new InMemoryConnectionStore(clock);
    private final RefreshingConnectionAccess access = new RefreshingConnectionAccess(store,
            VendorApps.clients(vendor), VendorApps.tokenClient(), clock, Duration.ofMinutes(2));
    private final UUID user = UUID.randomUUID();

    @AfterEach
    void stopVendor() {
        vendor.close();
    }

    @Test
    void aTokenValidBeyondTheMarginIsUsedAsStored() {
        Connection gmail = store.add(user, "gmail", "ann@example.com",
                new StoredTokens(OLD_ACCESS, OLD_REFRESH, NOW.plus(Duration.ofMinutes(3))));

        ActiveConnection active = access.open(gmail.id());

        assertThat(active.accessToken()).isEqualTo(OLD_ACCESS);
        assertThat(active.connection()).isEqualTo(gmail);
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void aTokenThatDoesNotExpireIsNeverRefreshed() {
        Connection slack = store.add(user, "slack", "T0001", new StoredTokens(Secret.of("xoxb-forever"), null, null));

        assertThat(access.open(slack.id()).accessToken()).isEqualTo(Secret.of("xoxb-forever"));
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void twentyConcurrentOpensOfAnExpiredTokenShareExactlyOneRefresh() throws Exception {
        Connection gmail = store.add(user, "gmail", "ann@example.com",
                new StoredTokens(OLD_ACCESS, OLD_REFRESH, NOW.minusSeconds(30)));
        CountDownLatch allOpening = new CountDownLatch(20);
        vendor.answer(GOOGLE_TOKEN_PATH, request -> {
            await(allOpening);
            return Response.json("{\"access_token\":\"ya29.new-access-token\",\"expires_in\":3599,"
                    + "\"scope\":\"openid https://www.googleapis.com/auth/gmail.send\",\"token_type\":\"Bearer\"}");
        });

        List<ActiveConnection> opened = Concurrently.run(20, () -> {
            allOpening.countDown();
            return access.open(gmail.id());
        });

        assertThat(opened).hasSize(20).allSatisfy(active ->
                assertThat(active.accessToken()).isEqualTo(Secret.of("ya29.new-access-token")));
        List<FakeOAuthServer.Request> refreshes = vendor.requests(GOOGLE_TOKEN_PATH);
        assertThat(refreshes).hasSize(1);
        assertThat(refreshes.get(0).method()).isEqualTo("POST");
        assertThat(refreshes.get(0).header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(refreshes.get(0).form()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "refresh_token", "refresh_token", OLD_REFRESH.reveal(),
                "client_id", GOOGLE_CLIENT_ID, "client_secret", GOOGLE_CLIENT_SECRET));
        assertThat(store.tokens(gmail.id())).isEqualTo(new StoredTokens(Secret.of("ya29.new-access-token"),
                OLD_REFRESH, NOW.plusSeconds(3599)));
    }

    @Test
    void slackWithTokenRotationRotatesBothTokens() {
        Connection slack = store.add(user, "slack", "T0001",
                new StoredTokens(Secret.of("xoxe.xoxb-old"), Secret.of("xoxe-1-old"), NOW.plusSeconds(60)));
        vendor.answer(SLACK_TOKEN_PATH, request -> Response.json("{\"ok\":true,\"app_id\":\"A0001\","
                + "\"access_token\":\"xoxe.xoxb-new\",\"expires_in\":43200,\"refresh_token\":\"xoxe-1-new\","
                + "\"token_type\":\"bot\",\"scope\":\"chat:write,channels:read,groups:read\",\"bot_user_id\":\"U0BOT\","
                + "\"team\":{\"id\":\"T0001\",\"name\":\"Acme\"},\"enterprise\":null,\"is_enterprise_install\":false}"));

        assertThat(access.open(slack.id()).accessToken()).isEqualTo(Secret.of("xoxe.xoxb-new"));

        FakeOAuthServer.Request refresh = vendor.requests(SLACK_TOKEN_PATH).get(0);
        assertThat(refresh.form()).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "refresh_token",
                "refresh_token", "xoxe-1-old", "client_id", SLACK_CLIENT_ID, "client_secret", SLACK_CLIENT_SECRET));
        assertThat(store.tokens(slack.id())).isEqualTo(new StoredTokens(Secret.of("xoxe.xoxb-new"),
                Secret.of("xoxe-1-new"), NOW.plusSeconds(43200)));
    }

    @Test
    void notionRefreshesWithBasicAuthAndAJsonBody() {
        Connection notion = store.add(user, "notion", "ws-1",
                new StoredTokens(Secret.of("ntn_old"), Secret.of("nrt_old"), NOW.minusSeconds(1)));
        vendor.answer(NOTION_TOKEN_PATH, request -> Response.json("{\"access_token\":\"ntn_new\","
                + "\"token_type\":\"bearer\",\"refresh_token\":\"nrt_new\",\"bot_id\":\"bot-1\","
                + "\"workspace_id\":\"ws-1\",\"workspace_name\":\"Acme\",\"workspace_icon\":null,"
                + "\"owner\":{\"type\":\"user\"},\"duplicated_template_id\":null,\"request_id\":\"r-1\"}"));

        assertThat(access.open(notion.id()).accessToken()).isEqualTo(Secret.of("ntn_new"));

        FakeOAuthServer.Request refresh = vendor.requests(NOTION_TOKEN_PATH).get(0);
        assertThat(refresh.basicCredentials()).isEqualTo(NOTION_CLIENT_ID + ":" + NOTION_CLIENT_SECRET);
        assertThat(refresh.header("Content-Type")).startsWith("application/json");
        assertThat(refresh.json().properties()).hasSize(2);
        assertThat(refresh.json().path("grant_type").asString()).isEqualTo("refresh_token");
        assertThat(refresh.json().path("refresh_token").asString()).isEqualTo("nrt_old");
        assertThat(store.tokens(notion.id())).isEqualTo(new StoredTokens(Secret.of("ntn_new"), Secret.of("nrt_new"),
                null));
    }

    @Test
    void aRefusedRefreshTokenMarksTheConnectionForReauthorisation(CapturedOutput output) {
        Connection gmail = store.add(user, "gmail", "ann@example.com",
                new StoredTokens(OLD_ACCESS, OLD_REFRESH, NOW.minusSeconds(30)));
        vendor.answer(GOOGLE_TOKEN_PATH, request -> Response.json(400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}"));

        assertThatThrownBy(() -> access.open(gmail.id()))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo("needs_reauth"))
                .hasMessage("Gmail access was revoked or expired: reconnect it in Settings");
        assertThat(store.find(gmail.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);

        assertThatThrownBy(() -> access.open(gmail.id()))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo("needs_reauth"));
        assertThat(vendor.requests(GOOGLE_TOKEN_PATH)).as("no second try on a dead grant").hasSize(1);
        assertThat(output.getAll()).contains("needs re-authorisation")
                .doesNotContain(OLD_REFRESH.reveal()).doesNotContain(OLD_ACCESS.reveal())
                .doesNotContain(GOOGLE_CLIENT_SECRET);
    }

    @Test
    void slackReportsARevokedRefreshTokenInsideHttp200() {
        Connection slack = store.add(user, "slack", "T0001",
                new StoredTokens(Secret.of("xoxe.xoxb-old"), Secret.of("xoxe-1-old"), NOW.minusSeconds(1)));
        vendor.answer(SLACK_TOKEN_PATH, request -> Response.json("{\"ok\":false,\"error\":\"invalid_refresh_token\"}"));

        assertThatThrownBy(() -> access.open(slack.id()))
                .isInstanceOf(ConnectionUnusableException.class)
                .hasMessage("Slack access was revoked or expired: reconnect it in Settings");
        assertThat(store.find(slack.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    }

    @Test
    void aRefusalAfterAnotherProcessRotatedTheTokensIsALostRaceNotARevocation() {
        Connection slack = store.add(user, "slack", "T0001",
                new StoredTokens(Secret.of("xoxe.xoxb-old"), Secret.of("xoxe-1-old"), NOW.minusSeconds(1)));
        StoredTokens theirs = new StoredTokens(Secret.of("xoxe.xoxb-theirs"), Secret.of("xoxe-1-theirs"),
                NOW.plusSeconds(43200));
        vendor.answer(SLACK_TOKEN_PATH, request -> {
            // another process refreshed first: Slack revoked the refresh token this one sends
            store.updateTokens(slack.id(), theirs);
            return Response.json("{\"ok\":false,\"error\":\"invalid_refresh_token\"}");
        });

        ActiveConnection active = access.open(slack.id());

        assertThat(active.accessToken()).isEqualTo(Secret.of("xoxe.xoxb-theirs"));
        assertThat(store.find(slack.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(store.tokens(slack.id())).isEqualTo(theirs);
    }

    @Test
    void aVendorThatIsDownFailsTheAttemptRetryablyAndKeepsTheConnection(CapturedOutput output) {
        Connection gmail = store.add(user, "gmail", "ann@example.com",
                new StoredTokens(OLD_ACCESS, OLD_REFRESH, NOW.minusSeconds(30)));
        vendor.answer(GOOGLE_TOKEN_PATH, request -> new Response(503, "text/html", "<html>Unavailable</html>"));

        assertThatThrownBy(() -> access.open(gmail.id()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo("token_refresh_failed");
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessage("Gmail did not renew its access (unreachable)");
        assertThat(store.find(gmail.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(output.getAll()).doesNotContain(OLD_REFRESH.reveal()).doesNotContain(GOOGLE_CLIENT_SECRET);
    }

    @Test
    void anExpiredTokenWithoutARefreshTokenNeedsReauthorisation() {
        Connection notion = store.add(user, "notion", "ws-1", new StoredTokens(Secret.of("ntn_old"), null,
                NOW.minusSeconds(1)));

        assertThatThrownBy(() -> access.open(notion.id())).isInstanceOf(ConnectionUnusableException.class)
                .hasMessage("Notion access was revoked or expired: reconnect it in Settings");
        assertThat(store.find(notion.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.NEEDS_REAUTH);
        assertThat(vendor.requests()).isEmpty();
    }

    @Test
    void unusableConnectionsAreRefusedWithoutCallingTheVendor() {
        Connection revoked = store.add(user, "slack", "T0002", new StoredTokens(Secret.of("xoxb-x"), null, null));
        store.setStatus(revoked.id(), ConnectionStatus.REVOKED);

        assertThatThrownBy(() -> access.open(UUID.randomUUID()))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo("not_connected"));
        assertThatThrownBy(() -> access.open(revoked.id()))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo("needs_reauth"));
        assertThat(vendor.requests()).isEmpty();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
