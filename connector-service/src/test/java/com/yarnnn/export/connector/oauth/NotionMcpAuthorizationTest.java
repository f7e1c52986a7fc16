package com.yarnnn.export.connector.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.testing.LogCapture;
import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.fakes.hosted.HostedNotionMcp;
import com.yarnnn.export.fakes.oauth.FakeMcpAuthorizationServer;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.event.ExportErrorCodes;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Connecting Notion through its hosted MCP server ({@code transport=remote}) against the doubles: discovery from the
 * server's 401, the authorization server's metadata, one dynamic registration, the authorization with PKCE S256 and
 * {@code resource}, the code exchange, the tokens in the vault, refresh through {@link ConnectionAccess}, and what
 * happens when the authorization server refuses.
 */
@SpringBootTest(classes = NotionMcpAuthorizationTest.Library.class, properties = {
        "yarnnn.providers.folder.enabled=false", "yarnnn.providers.notion.transport=remote",
        "yarnnn.public-base-url=" + NotionMcpAuthorizationTest.BASE_URL})
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class NotionMcpAuthorizationTest {

    static final String BASE_URL = "https://yarnnn.test";
    static final String REDIRECT_URI = BASE_URL + "/api/integrations/notion/oauth/callback";
    private static final String WORKSPACE = "ws-acme";

    private static final HostedNotionMcp NOTION = HostedNotionMcp.start().workspace(WORKSPACE);
    private static final FakeMcpAuthorizationServer AUTHORIZATION = NOTION.startAuthorizationServer(WORKSPACE);
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> VERBOSE = List.of("com.yarnnn", "org.springframework.security");

    @DynamicPropertySource
    static void notionServer(DynamicPropertyRegistry registry) {
        registry.add("yarnnn.mcp.remote.servers.notion.url", NOTION::url);
    }

    @AfterAll
    static void stopDoubles() {
        AUTHORIZATION.close();
        NOTION.close();
    }

    @Autowired
    OAuthClients clients;
    @Autowired
    OAuthTokenClient tokenClient;
    @Autowired
    ConnectionStore connections;
    @Autowired
    ConnectionAccess access;
    @Autowired
    TokenRevoker revoker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenVault vault;
    @Autowired
    Clock clock;

    /** What one connect handed out, to look for in logs and answers. */
    private record Connected(Connection connection, String code, String verifier, StoredTokens tokens) {
    }

    @Test
    void connectingDiscoversRegistersOnceAuthorizesWithPkceAndResourceAndKeepsTheTokensInTheVault() throws Exception {
        try (LogCapture logs = LogCapture.withTrace(VERBOSE)) {
            Connected first = connect(UUID.randomUUID());
            Connected second = connect(UUID.randomUUID());

            ClientRegistration registration = clients.find("notion").orElseThrow().registration();
            assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
            assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(AUTHORIZATION.issuer() + "/token");
            assertThat(AUTHORIZATION.registeredClients()).isEqualTo(1);
            assertThat(jdbc.sql("select client_id from mcp_oauth_clients where issuer = ? and redirect_uri = ?")
                    .params(AUTHORIZATION.issuer(), REDIRECT_URI).query(String.class).single())
                    .isEqualTo(registration.getClientId());
            FakeOAuthServer.Request exchange = last(AUTHORIZATION.requests("/token"));
            assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
                    .containsEntry("code", second.code())
                    .containsEntry("code_verifier", second.verifier())
                    .containsEntry("resource", NOTION.url())
                    .containsEntry("redirect_uri", REDIRECT_URI)
                    .containsEntry("client_id", registration.getClientId())
                    .doesNotContainKey("client_secret");

            Connection saved = connections.find(first.connection().id()).orElseThrow();
            assertThat(saved.providerId()).isEqualTo("notion");
            assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(saved.accountId()).isEqualTo(NotionMcpOAuth.UNNAMED_WORKSPACE);
            assertThat(first.tokens().refreshToken()).isNotNull();
            assertThat(first.tokens().expiresAt()).isCloseTo(clock.instant().plusSeconds(3600), within(1, ChronoUnit.MINUTES));
            byte[] sealed = jdbc.sql("select access_token_encrypted from user_integrations where id = ?")
                    .param(saved.id()).query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(first.tokens().accessToken().reveal());
            assertThat(vault.decrypt(sealed)).isEqualTo(first.tokens().accessToken());
            assertThat(mcpStatus(first.tokens().accessToken())).isEqualTo(200);
            assertThat(mcpStatus(null)).isEqualTo(401);

            assertNoneIn(logs.lines(), first, second);
        }
    }

    @Test
    void aRejectedTokenIsRefreshedWithRotationAndRevokedOnDisconnect() throws Exception {
        try (LogCapture logs = LogCapture.withTrace(VERBOSE)) {
            Connected connected = connect(UUID.randomUUID());
            Secret before = connected.tokens().accessToken();

            Secret after = access.refresh(connected.connection().id(), before).accessToken();

            StoredTokens stored = connections.tokens(connected.connection().id());
            assertThat(after).isNotEqualTo(before).isEqualTo(stored.accessToken());
            assertThat(stored.refreshToken()).isNotEqualTo(connected.tokens().refreshToken());
            FakeOAuthServer.Request refresh = last(AUTHORIZATION.requests("/token"));
            assertThat(refresh.form()).containsEntry("grant_type", "refresh_token")
                    .containsEntry("refresh_token", connected.tokens().refreshToken().reveal())
                    .containsEntry("resource", NOTION.url());
            assertThat(mcpStatus(before)).isEqualTo(401);
            assertThat(mcpStatus(after)).isEqualTo(200);

            assertThat(revoker.revoke(connected.connection(), stored)).isTrue();
            assertThat(last(AUTHORIZATION.requests("/revoke")).form())
                    .containsEntry("token", stored.refreshToken().reveal())
                    .containsEntry("token_type_hint", "refresh_token");
            assertThat(mcpStatus(after)).isEqualTo(401);

            assertNoneIn(logs.lines(), connected, new Connected(connected.connection(), connected.code(),
                    connected.verifier(), stored));
        }
    }

    @Test
    void aRefusedRefreshMarksTheConnectionForReauthorisation() throws Exception {
        Connected connected = connect(UUID.randomUUID());
        AUTHORIZATION.revokeGrants();

        assertThatThrownBy(() -> access.refresh(connected.connection().id(), connected.tokens().accessToken()))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo(ExportErrorCodes.NEEDS_REAUTH));
        assertThat(connections.find(connected.connection().id()).orElseThrow().status())
                .isEqualTo(ConnectionStatus.NEEDS_REAUTH);
    }

    @Test
    void aClientTheServerForgotIsRegisteredAgainOnTheNextConnect() throws Exception {
        try (LogCapture logs = LogCapture.withTrace(VERBOSE)) {
            Connected connected = connect(UUID.randomUUID());
            String forgotten = clients.find("notion").orElseThrow().registration().getClientId();
            AUTHORIZATION.forgetClients();

            assertThatThrownBy(() -> access.refresh(connected.connection().id(), connected.tokens().accessToken()))
                    .isInstanceOfSatisfying(ConnectionUnusableException.class,
                            e -> assertThat(e.code()).isEqualTo(ExportErrorCodes.NEEDS_REAUTH));
            assertThat(jdbc.sql("select count(*) from mcp_oauth_clients where client_id = ?").param(forgotten)
                    .query(Integer.class).single()).isZero();

            Connected again = connect(connected.connection().userId());

            String registered = clients.find("notion").orElseThrow().registration().getClientId();
            assertThat(registered).isNotEqualTo(forgotten);
            assertThat(AUTHORIZATION.registeredClients()).isEqualTo(1);
            assertThat(connections.find(again.connection().id()).orElseThrow().status())
                    .isEqualTo(ConnectionStatus.ACTIVE);
            assertThat(mcpStatus(again.tokens().accessToken())).isEqualTo(200);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains(forgotten, "registered again"))
                    .anySatisfy(line -> assertThat(line).contains("Registered as OAuth client " + registered));
            assertNoneIn(logs.lines(), connected, again);
        }
    }

    @Test
    void aRefusedRegistrationIsABadGatewayProblemAndKeepsNothing() {
        RestClient http = RestClient.create();
        String otherRedirect = "https://other.yarnnn.test/api/integrations/notion/oauth/callback";
        McpClientRegistrations registrations = new McpClientRegistrations("notion", "Notion", URI.create(NOTION.url()),
                otherRedirect, new ProtectedResourceDiscovery(http), new DynamicClientRegistrar(http),
                new McpClientStore(jdbc, vault, clock));
        AUTHORIZATION.refuseRegistrations("invalid_client_metadata");
        try {
            assertThatThrownBy(registrations::registration)
                    .isInstanceOfSatisfying(McpAuthorizationException.class, e -> {
                        assertThat(e.reason()).isEqualTo("invalid_client_metadata");
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
                        assertThat(e.getBody().getDetail()).isEqualTo("Notion's authorization server refused to "
                                + "register this server as its client (invalid_client_metadata): try again later");
                    });
        } finally {
            AUTHORIZATION.refuseRegistrations(null);
        }
        assertThat(jdbc.sql("select count(*) from mcp_oauth_clients where redirect_uri = ?").param(otherRedirect)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aServerWithoutAnAuthorizationServerIsADiscoveryProblem() {
        RestClient http = RestClient.create();
        McpClientRegistrations registrations = new McpClientRegistrations("notion", "Notion",
                URI.create(AUTHORIZATION.issuer() + "/mcp"), REDIRECT_URI, new ProtectedResourceDiscovery(http),
                new DynamicClientRegistrar(http), new McpClientStore(jdbc, vault, clock));

        assertThatThrownBy(registrations::registration)
                .isInstanceOfSatisfying(McpAuthorizationException.class,
                        e -> assertThat(e.reason()).isEqualTo("discovery_failed"));
    }

    /**
     * What connecting does (api-edge's start and callback routes): the authorization URL with a PKCE challenge, the
     * user approving at the authorization server, which redirects back with a code, the exchange, the saved
     * connection.
     */
    private Connected connect(UUID user) throws IOException, InterruptedException {
        OAuthClient client = clients.find("notion").orElseThrow();
        ClientRegistration registration = client.registration();
        String verifier = verifier();
        String state = UUID.randomUUID().toString();
        String authorizationUrl = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .parameters(client.vendor()::customizeAuthorizationParameters)
                .additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE, challenge(verifier),
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"))
                .build().getAuthorizationRequestUri();

        HttpResponse<String> approved = BROWSER.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        Map<String, String> back = query(URI.create(location).getRawQuery());
        assertThat(back).containsEntry("state", state).containsKey("code");
        TokenGrant grant = tokenClient.exchange(client, back.get("code"), state, verifier);
        ConnectedAccount account = client.vendor().account(grant, registration);
        Connection saved = connections.save(new NewConnection(user, "notion", account.accountId(),
                account.accountName(), account.metadata(), grant.accessToken(), grant.refreshToken(),
                grant.expiresAt(clock.instant()), grant.scope()));
        return new Connected(saved, back.get("code"), verifier, connections.tokens(saved.id()));
    }

    /** The HTTP status the Notion double answers an MCP request carrying {@code token} with. */
    private static int mcpStatus(Secret token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(NOTION.url()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                         "capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"""));
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertNoneIn(List<String> lines, Connected... connects) {
        String all = String.join("\n", lines);
        for (Connected connected : connects) {
            assertThat(all).doesNotContain(connected.code(), connected.verifier(),
                    connected.tokens().accessToken().reveal(), connected.tokens().refreshToken().reveal());
        }
    }

    private static FakeOAuthServer.Request last(List<FakeOAuthServer.Request> requests) {
        return requests.get(requests.size() - 1);
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** The connector library as the deployables run it, on the tests' PostgreSQL. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @PropertySource("classpath:pipeline-defaults.properties")
    static class Library {
    }
}
