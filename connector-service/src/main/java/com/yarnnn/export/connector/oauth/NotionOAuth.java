package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.web.client.RestClient;

/**
 * Notion's public-connection OAuth: the client authenticates with HTTP Basic, token requests are JSON, the
 * grant is for a workspace (no scopes), and a refresh token comes only with newer grants. Notion does not
 * support PKCE.
 */
public class NotionOAuth implements OAuthVendor {

    /** The API version Notion's revoke endpoint requires. */
    static final String NOTION_VERSION = "2025-09-03";

    @Override
    public String providerId() {
        return "notion";
    }

    @Override
    public String displayName() {
        return "Notion";
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public MediaType tokenRequestType() {
        return MediaType.APPLICATION_JSON;
    }

    @Override
    public ConnectedAccount account(TokenGrant grant, ClientRegistration registration) {
        String workspaceId = grant.text("workspace_id");
        String botId = grant.text("bot_id");
        if (workspaceId == null || botId == null) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
        String workspaceName = grant.text("workspace_name") != null ? grant.text("workspace_name") : "Notion workspace";
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("workspace_id", workspaceId);
        metadata.put("workspace_name", workspaceName);
        metadata.put("bot_id", botId);
        return new ConnectedAccount(workspaceId, workspaceName, metadata);
    }

    @Override
    public void revoke(RestClient http, URI revocationUri, ClientRegistration registration, StoredTokens tokens) {
        http.post().uri(revocationUri)
                .headers(headers -> headers.setBasicAuth(registration.getClientId(), registration.getClientSecret()))
                .header("Notion-Version", NOTION_VERSION)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("token", tokens.accessToken().reveal()))
                .retrieve()
                .toBodilessEntity();
    }
}
