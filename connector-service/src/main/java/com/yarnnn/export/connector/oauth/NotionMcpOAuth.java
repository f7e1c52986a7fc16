package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Notion through its hosted MCP server ({@code yarnnn.providers.notion.transport=remote}), which takes no
 * public-integration token: it is an OAuth-protected MCP resource. Its authorization server is discovered and this
 * deployment registers itself there ({@link McpClientRegistrations}); every authorization uses PKCE S256 and names
 * the MCP server as its {@code resource} (RFC 8707), and so does every token request, as the MCP authorization
 * specification requires. A client the server no longer knows is registered again on the next connect; the
 * connections it authorized need re-authorization (their refresh tokens were the old client's).
 */
public class NotionMcpOAuth implements RuntimeRegisteredVendor {

    /** The account a grant is kept as when the token answer does not name its workspace. */
    static final String UNNAMED_WORKSPACE = "notion-mcp";

    private static final String RESOURCE = "resource";
    private static final String INVALID_CLIENT = "invalid_client";

    private final McpClientRegistrations registrations;

    NotionMcpOAuth(McpClientRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public String providerId() {
        return registrations.registrationId();
    }

    @Override
    public String displayName() {
        return registrations.vendorName();
    }

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public ClientRegistration registration() {
        return registrations.registration();
    }

    @Override
    public void customizeAuthorizationParameters(Map<String, Object> parameters) {
        parameters.put(RESOURCE, registrations.resource().toString());
    }

    @Override
    public void customizeTokenParameters(MultiValueMap<String, String> parameters) {
        parameters.set(RESOURCE, registrations.resource().toString());
    }

    @Override
    public void tokenRequestRefused(String error) {
        if (INVALID_CLIENT.equals(error)) {
            registrations.forget();
        }
    }

    /** A refresh token of a client the server no longer knows is as dead as a revoked one. */
    @Override
    public boolean isDeadGrant(String error) {
        return "invalid_grant".equals(error) || INVALID_CLIENT.equals(error);
    }

    /**
     * The workspace where the token answer names it (Notion's API grants do: {@code workspace_id},
     * {@code workspace_name}); the MCP authorization server's answer is not documented to, so without them the grant
     * is the user's one Notion MCP account and a reconnect replaces it.
     */
    @Override
    public ConnectedAccount account(TokenGrant grant, ClientRegistration registration) {
        String workspaceId = grant.text("workspace_id");
        if (workspaceId == null) {
            return new ConnectedAccount(UNNAMED_WORKSPACE, "Notion workspace", Map.of("transport", "remote"));
        }
        String workspaceName = grant.text("workspace_name") != null ? grant.text("workspace_name") : "Notion workspace";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("transport", "remote");
        metadata.put("workspace_id", workspaceId);
        metadata.put("workspace_name", workspaceName);
        return new ConnectedAccount(workspaceId, workspaceName, metadata);
    }

    @Override
    public Optional<URI> revocationUri() {
        return registrations.revocationUri();
    }

    /** RFC 7009, the refresh token (which ends the grant) when there is one, authenticated as the client is. */
    @Override
    public void revoke(RestClient http, URI revocationUri, ClientRegistration registration, StoredTokens tokens) {
        boolean refresh = tokens.refreshToken() != null;
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", (refresh ? tokens.refreshToken() : tokens.accessToken()).reveal());
        form.add("token_type_hint", refresh ? "refresh_token" : "access_token");
        ClientAuthenticationMethod method = registration.getClientAuthenticationMethod();
        boolean basic = ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(method);
        if (!basic) {
            form.add("client_id", registration.getClientId());
        }
        if (ClientAuthenticationMethod.CLIENT_SECRET_POST.equals(method)) {
            form.add("client_secret", registration.getClientSecret());
        }
        http.post().uri(revocationUri)
                .headers(headers -> {
                    if (basic) {
                        headers.setBasicAuth(registration.getClientId(), registration.getClientSecret());
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toBodilessEntity();
    }
}
