package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.credential.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * A token endpoint's answer.
 *
 * @param refreshToken     null when the vendor issued none (Slack without token rotation, some Notion grants)
 * @param expiresInSeconds null when the access token does not expire
 * @param parameters       the rest of the answer as the vendor sent it (team, workspace, id_token, …)
 */
public record TokenGrant(Secret accessToken, Secret refreshToken, Long expiresInSeconds, String scope,
        Map<String, Object> parameters) {

    public TokenGrant {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * From Spring's token response, whose additional parameters hold the whole answer (see
     * {@link OAuthTokenClient}): Spring's own expiry would make a non-expiring token expire in one second.
     */
    static TokenGrant of(OAuth2AccessTokenResponse response) {
        Map<String, Object> answer = new LinkedHashMap<>(response.getAdditionalParameters());
        answer.remove(OAuth2ParameterNames.ACCESS_TOKEN);
        answer.remove(OAuth2ParameterNames.REFRESH_TOKEN);
        Object expiresIn = answer.get(OAuth2ParameterNames.EXPIRES_IN);
        Object scope = answer.get(OAuth2ParameterNames.SCOPE);
        return new TokenGrant(Secret.of(response.getAccessToken().getTokenValue()),
                response.getRefreshToken() != null ? Secret.of(response.getRefreshToken().getTokenValue()) : null,
                expiresIn != null ? Long.valueOf(expiresIn.toString()) : null,
                scope != null ? scope.toString() : null, answer);
    }

    /** When the access token expires if it was issued at {@code now}; null when it does not. */
    public Instant expiresAt(Instant now) {
        return expiresInSeconds != null ? now.plusSeconds(expiresInSeconds) : null;
    }

    /** A text parameter of the answer, null when absent. */
    public String text(String name) {
        Object value = parameters.get(name);
        return value != null ? value.toString() : null;
    }

    /** An object parameter of the answer (Slack's {@code team}), empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return parameters.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Names the parameters only: the answer may hold further credentials (an id token, a user token). */
    @Override
    public String toString() {
        return "TokenGrant[expiresInSeconds=" + expiresInSeconds + ", scope=" + scope + ", parameters="
                + parameters.keySet() + "]";
    }
}
