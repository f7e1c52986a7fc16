package com.yarnnn.export.connector.oauth;

import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_ID;
import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpProperties;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.slack.SlackExportProvider;
import com.yarnnn.export.connector.provider.slack.SlackProperties;
import com.yarnnn.export.connector.testing.InMemoryConnectionStore;
import com.yarnnn.export.fakes.hosted.HostedMcpRequest;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.fakes.oauth.FakeSlackUserOAuth;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Slack on transport {@code remote}, connected with a user token end to end: the registration the shipped defaults
 * give that transport, authorization at the fake's {@code v2_user/authorize}, the code exchanged at its
 * {@code oauth.v2.user.access}, the tokens saved, the first export posted through the hosted-server double with that
 * token, and a refused token renewed by the rotating refresh token.
 */
class SlackUserTokenConnectTest {

    private static final String TEAM = "T0FAKETEAM";
    private static final String USER = "U0AUTHOR";
    private static final String CHANNEL = "C0123456789";
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final String VERIFIER = "pkce-verifier-0123456789-0123456789-0123456789";

    private final FakeOAuthServer vendor = FakeOAuthServer.start();
    private final HostedSlackMcp slack = HostedSlackMcp.start().workspace(TEAM, "acme-corp")
            .channel(TEAM, CHANNEL, "general");
    private final FakeSlackUserOAuth slackOAuth = FakeSlackUserOAuth.on(vendor, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET,
            TEAM, USER, token -> slack.token(token, TEAM, USER));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryConnectionStore store = new InMemoryConnectionStore(clock);
    private final RemoteMcpSessions sessions = new RemoteMcpSessions(new RemoteMcpProperties(Map.of("slack",
            new RemoteMcpProperties.Server(URI.create(slack.url()), Duration.ofSeconds(10))), null, null, null, null,
            null), Clock.systemUTC());

    @AfterEach
    void stop() {
        sessions.destroy();
        slack.close();
        vendor.close();
    }

    @Test
    void theRemoteTransportsRegistrationAsksForAUserTokenWithTheHostedToolsScopes() throws IOException {
        OAuthClient client = slackClient(environment(false));

        assertThat(client.vendor()).isInstanceOf(SlackUserOAuth.class);
        ClientRegistration registration = client.registration();
        assertThat(registration.getProviderDetails().getAuthorizationUri())
                .isEqualTo("https://slack.com/oauth/v2_user/authorize");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://slack.com/api/oauth.v2.user.access");
        assertThat(registration.getScopes())
                .containsExactlyInAnyOrder("chat:write", "channels:history", "groups:history", "search:read.public");
        assertThat(slackClient(environmentFor("stdio")).vendor()).isExactlyInstanceOf(SlackOAuth.class);
    }

    @Test
    void connectsWithAUserTokenExportsWithItAndRenewsItByTheRotatingRefreshToken() throws Exception {
        OAuthClient client = slackClient(environment(true));
        String state = UUID.randomUUID().toString();

        Map<String, String> back = browserFollows(authorizationUrl(client, state));

        assertThat(back).containsEntry("state", state);
        FakeOAuthServer.Request authorize = vendor.requests(FakeSlackUserOAuth.AUTHORIZE_PATH).get(0);
        assertThat(authorize.query()).containsEntry("client_id", SLACK_CLIENT_ID)
                .containsEntry("scope", "chat:write,channels:history,groups:history,search:read.public")
                .containsEntry("code_challenge_method", "S256");
        TokenGrant grant = VendorApps.tokenClient().exchange(client, back.get("code"), state, VERIFIER);
        ConnectedAccount account = client.vendor().account(grant, client.registration());
        Connection connection = store.save(new NewConnection(UUID.randomUUID(), "slack", account.accountId(),
                account.accountName(), account.metadata(), grant.accessToken(), grant.refreshToken(),
                grant.expiresAt(NOW), grant.scope()));

        assertThat(account.accountId()).isEqualTo(TEAM);
        assertThat(account.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("team_id", TEAM, "team_name", TEAM,
                "user_id", USER));
        assertThat(store.tokens(connection.id())).isEqualTo(new StoredTokens(Secret.of("xoxe.xoxp-1-user-token-2"),
                Secret.of("xoxe-1-refresh-token-2"), NOW.plusSeconds(FakeSlackUserOAuth.EXPIRES_IN_SECONDS)));
        assertThat(vendor.requests(FakeSlackUserOAuth.TOKEN_PATH).get(0).form())
                .containsEntry("grant_type", "authorization_code").containsEntry("code_verifier", VERIFIER);

        RefreshingConnectionAccess access = new RefreshingConnectionAccess(store, clients(environment(true)),
                VendorApps.tokenClient(), clock, Duration.ofMinutes(2));
        SlackExportProvider provider = new SlackExportProvider(sessions, access,
                new SlackProperties(null, null, SlackProperties.Transport.REMOTE));

        provider.deliver(request(connection, "First"));

        assertThat(slack.messages(TEAM, CHANNEL)).singleElement()
                .satisfies(message -> assertThat(message.user()).isEqualTo(USER));
        assertThat(slack.requests()).extracting(HostedMcpRequest::token).containsOnly("xoxe.xoxp-1-user-token-2");

        slack.revoke("xoxe.xoxp-1-user-token-2");
        provider.deliver(request(connection, "Second"));

        assertThat(slack.messages(TEAM, CHANNEL)).hasSize(2);
        assertThat(slack.callCount("slack_send_message")).isEqualTo(2);
        assertThat(vendor.requests(FakeSlackUserOAuth.TOKEN_PATH).get(1).form())
                .containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "xoxe-1-refresh-token-2");
        assertThat(store.tokens(connection.id())).isEqualTo(new StoredTokens(Secret.of("xoxe.xoxp-1-user-token-3"),
                Secret.of("xoxe-1-refresh-token-3"), NOW.plusSeconds(FakeSlackUserOAuth.EXPIRES_IN_SECONDS)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slack.requests())
                .filteredOn(r -> "slack_send_message".equals(r.tool())).extracting(HostedMcpRequest::token)
                .containsExactly("xoxe.xoxp-1-user-token-2", "xoxe.xoxp-1-user-token-2", "xoxe.xoxp-1-user-token-3"));
    }

    /** The shipped defaults on transport {@code remote}, the app's client and, if asked, Slack's endpoints on the fake. */
    private MockEnvironment environment(boolean onTheFake) throws IOException {
        MockEnvironment environment = environmentFor("remote");
        if (onTheFake) {
            environment.setProperty("yarnnn.oauth.slack.remote.authorization-uri", slackOAuth.authorizeUrl());
            environment.setProperty("yarnnn.oauth.slack.remote.token-uri", slackOAuth.tokenUrl());
        }
        return environment;
    }

    private MockEnvironment environmentFor(String transport) throws IOException {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addLast(new ResourcePropertySource("classpath:pipeline-defaults.properties"));
        environment.setProperty("spring.security.oauth2.client.registration.slack.client-id", SLACK_CLIENT_ID);
        environment.setProperty("spring.security.oauth2.client.registration.slack.client-secret", SLACK_CLIENT_SECRET);
        environment.setProperty("yarnnn.providers.slack.transport", transport);
        return environment;
    }

    private static OAuthClient slackClient(MockEnvironment environment) {
        return clients(environment).find("slack").orElseThrow();
    }

    private static OAuthClients clients(MockEnvironment environment) {
        return OAuthClients.fromEnvironment(environment,
                List.of(new OAuthAutoConfiguration().slackOAuth(environment), new NotionOAuth(), new GoogleOAuth()));
    }

    /** As the settings page builds it (api-edge's {@code OAuthFlow}). */
    private static String authorizationUrl(OAuthClient client, String state) throws Exception {
        ClientRegistration registration = client.registration();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes()));
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .parameters(client.vendor()::customizeAuthorizationParameters)
                .additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE, challenge,
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .build().getAuthorizationRequestUri();
    }

    /** A browser at the authorization URL, approving: the query of where the vendor sends it back. */
    private static Map<String, String> browserFollows(String url) throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(302);
        return UriComponentsBuilder.fromUriString(answer.headers().firstValue("Location").orElseThrow()).build()
                .getQueryParams().toSingleValueMap();
    }

    private static ExportRequested request(Connection connection, String title) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "slack", connection.id(), CHANNEL, null, UUID.randomUUID(), title, "text",
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }
}
