package com.yarnnn.export.edge.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.hosted.HostedNotionMcp;
import com.yarnnn.export.fakes.oauth.FakeMcpAuthorizationServer;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connecting Notion through its hosted MCP server over this application's routes: the start route discovers the
 * authorization server and registers this deployment, the browser approves there and comes back to the callback,
 * which exchanges the code with its PKCE verifier and {@code resource} and saves the connection. Ordered: the
 * refused registration must come before a registration is kept.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotionMcpConnectTest extends ConnectedAccountsIntegrationTest {

    private static final String REDIRECT_URI = PUBLIC_BASE_URL + "/api/integrations/notion/oauth/callback";
    private static final String WORKSPACE = "ws-acme";
    private static final HostedNotionMcp NOTION = HostedNotionMcp.start().workspace(WORKSPACE);
    private static final FakeMcpAuthorizationServer AUTHORIZATION = NOTION.startAuthorizationServer(WORKSPACE);
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void remoteNotion(DynamicPropertyRegistry registry) {
        registry.add("yarnnn.providers.notion.transport", () -> "remote");
        registry.add("yarnnn.mcp.remote.servers.notion.url", NOTION::url);
    }

    @AfterAll
    static void stopDoubles() {
        AUTHORIZATION.close();
        NOTION.close();
    }

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @Test
    @Order(1)
    void aRefusedRegistrationIsABadGatewayProblem() {
        AUTHORIZATION.refuseRegistrations("invalid_client_metadata");
        try {
            ApiClient.Response start = api.get("/api/integrations/notion/oauth/start", token);

            assertThat(start.status()).as(start.body()).isEqualTo(502);
            assertThat(start.contentType()).startsWith("application/problem+json");
            assertThat(start.json().path("detail").asString()).isEqualTo("Notion's authorization server refused to "
                    + "register this server as its client (invalid_client_metadata): try again later");
            assertThat(AUTHORIZATION.registeredClients()).isZero();
        } finally {
            AUTHORIZATION.refuseRegistrations(null);
        }
    }

    @Test
    @Order(2)
    void connectsThroughDiscoveryRegistrationPkceAndResource(CapturedOutput output) throws Exception {
        String authorizationUrl = authorizationUrl("notion", token);
        Map<String, String> authorization = query(authorizationUrl);
        assertThat(authorizationUrl).startsWith(AUTHORIZATION.issuer() + "/authorize?");
        assertThat(authorization).containsEntry("response_type", "code")
                .containsEntry("redirect_uri", REDIRECT_URI)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("resource", NOTION.url())
                .containsKeys("client_id", "state", "code_challenge");

        String redirectBack = approve(authorizationUrl);
        assertThat(redirectBack).startsWith(REDIRECT_URI + "?");
        Map<String, String> back = query(redirectBack);
        ApiClient.Response callback = callback("notion", Map.of("code", back.get("code"), "state", back.get("state")));

        assertThat(callback.header("Location")).isEqualTo(SETTINGS_URL + "?connected=notion");
        FakeOAuthServer.Request exchange = single(AUTHORIZATION.requests("/token"));
        assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", authorization.get("client_id"))
                .containsEntry("resource", NOTION.url())
                .containsKey("code_verifier");
        Connection saved = single(connections.listForUser(user));
        assertThat(saved.providerId()).isEqualTo("notion");
        assertThat(saved.status()).isEqualTo(ConnectionStatus.ACTIVE);
        StoredTokens tokens = connections.tokens(saved.id());
        assertThat(tokens.refreshToken()).isNotNull();
        assertThat(AUTHORIZATION.registeredClients()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(back.get("code"), exchange.form().get("code_verifier"),
                tokens.accessToken().reveal(), tokens.refreshToken().reveal());
        assertThat(authorizationUrl + callback.header("Location")).doesNotContain(exchange.form().get("code_verifier"));
    }

    /** The user approving at the authorization server: where it sends the browser back to. */
    private static String approve(String authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> approved = BROWSER.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        return approved.headers().firstValue("Location").orElseThrow();
    }
}
