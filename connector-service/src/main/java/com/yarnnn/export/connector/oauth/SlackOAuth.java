package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Slack's OAuth v2 for a bot token. Slack answers every Web API call, {@code oauth.v2.access} included, with
 * HTTP 200 and {@code ok}; an error is {@code ok:false} with an {@code error} code. Scopes are separated by
 * commas. No PKCE: Slack takes it only from apps switched to public clients, which this server is not.
 */
public class SlackOAuth implements OAuthVendor {

    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    private static final Set<String> DEAD_GRANT_ERRORS = Set.of("invalid_grant", "invalid_refresh_token",
            "token_revoked", "token_expired", "app_uninstalled", "account_inactive");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Override
    public String providerId() {
        return "slack";
    }

    @Override
    public String displayName() {
        return "Slack";
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public void customizeAuthorizationParameters(Map<String, Object> parameters) {
        parameters.computeIfPresent(OAuth2ParameterNames.SCOPE,
                (name, scopes) -> scopes.toString().replace(' ', ','));
    }

    @Override
    public void checkTokenResponse(Map<String, Object> response) {
        checkOk(response);
    }

    @Override
    public boolean isDeadGrant(String error) {
        return DEAD_GRANT_ERRORS.contains(error);
    }

    @Override
    public ConnectedAccount account(TokenGrant grant, ClientRegistration registration) {
        Map<String, Object> team = grant.object("team");
        Object teamId = team.get("id");
        String botUserId = grant.text("bot_user_id");
        if (teamId == null || botUserId == null) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
        String teamName = team.get("name") != null ? team.get("name").toString() : teamId.toString();
        return new ConnectedAccount(teamId.toString(), teamName,
                Map.of("team_id", teamId.toString(), "team_name", teamName, "bot_user_id", botUserId));
    }

    @Override
    public void revoke(RestClient http, URI revocationUri, ClientRegistration registration, StoredTokens tokens) {
        Map<String, Object> answer = http.post().uri(revocationUri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken().reveal())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(new LinkedMultiValueMap<String, String>())
                .retrieve()
                .body(JSON_OBJECT);
        checkOk(answer != null ? answer : Map.of());
    }

    private static void checkOk(Map<String, Object> answer) {
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            String error = answer.get("error") != null ? answer.get("error").toString() : "not_ok";
            throw new TokenEndpointException(error, TRANSIENT_ERRORS.contains(error));
        }
    }
}
