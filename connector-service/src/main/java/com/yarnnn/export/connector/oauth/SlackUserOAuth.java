package com.yarnnn.export.connector.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * Slack's OAuth for a user token, which Slack's hosted MCP server requires (transport {@code remote}): authorised at
 * {@code https://slack.com/oauth/v2_user/authorize} with the user scopes in {@code scope}, exchanged at
 * {@code https://slack.com/api/oauth.v2.user.access}, which answers the user token at the top level
 * ({@code "token_type":"user"}), the user under {@code authed_user.id} and the workspace under {@code team}
 * (docs.slack.dev, "oauth.v2.user.access method"), and with token rotation on, a {@code refresh_token} and
 * {@code expires_in}. Errors and revocation are as in {@link SlackOAuth}. With PKCE: the method takes a
 * {@code code_verifier}, and the authorization server Slack's MCP server names advertises S256.
 */
public class SlackUserOAuth extends SlackOAuth {

    @Override
    public boolean usesPkce() {
        return true;
    }

    /**
     * The workspace, and the user the token acts as (exports are posted as that user).
     *
     * @throws TokenEndpointException when the answer names no workspace or no user
     */
    @Override
    public ConnectedAccount account(TokenGrant grant, ClientRegistration registration) {
        Map<String, Object> team = grant.object("team");
        Object teamId = team.get("id");
        Object userId = grant.object("authed_user").getOrDefault("id", grant.text("user_id"));
        if (teamId == null || userId == null) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
        String teamName = team.get("name") != null ? team.get("name").toString() : teamId.toString();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("team_id", teamId.toString());
        metadata.put("team_name", teamName);
        metadata.put("user_id", userId.toString());
        return new ConnectedAccount(teamId.toString(), teamName, metadata);
    }
}
