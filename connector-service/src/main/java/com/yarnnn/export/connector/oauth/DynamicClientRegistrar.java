package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.credential.Secret;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Registers this deployment as an OAuth client at an MCP authorization server (RFC 7591): a web client with one
 * redirect URI, for the authorization code and refresh token grants. It asks to be a public client
 * ({@code token_endpoint_auth_method=none}, PKCE proving each exchange), as the MCP authorization specification
 * expects; if the server issues a secret and another method anyway, that is what is used.
 */
class DynamicClientRegistrar {

    private static final String CLIENT_NAME = "yarnnn";
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    DynamicClientRegistrar(RestClient http) {
        this.http = http;
    }

    /**
     * @throws McpAuthorizationException with the server's error code (RFC 7591 section 3.2.2) when it refused, or
     *                                   {@code unreachable}, {@code invalid_registration_response}
     */
    McpRegisteredClient register(String vendorName, URI registrationUri, String redirectUri) {
        Map<String, Object> answer;
        try {
            answer = http.post().uri(registrationUri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(Map.of("client_name", CLIENT_NAME,
                            "redirect_uris", List.of(redirectUri),
                            "grant_types", List.of("authorization_code", "refresh_token"),
                            "response_types", List.of("code"),
                            "token_endpoint_auth_method", "none"))
                    .retrieve()
                    .body(JSON_OBJECT);
        } catch (RestClientResponseException e) {
            throw new McpAuthorizationException(vendorName, errorCode(e), e);
        } catch (RestClientException e) {
            throw new McpAuthorizationException(vendorName, "unreachable", e);
        }
        Object clientId = answer != null ? answer.get("client_id") : null;
        String method = answer != null && answer.get("token_endpoint_auth_method") != null
                ? answer.get("token_endpoint_auth_method").toString() : "client_secret_basic";
        Object secret = answer != null ? answer.get("client_secret") : null;
        if (clientId == null || !AUTH_METHODS.contains(method) || ("none".equals(method) != (secret == null))) {
            throw new McpAuthorizationException(vendorName, "invalid_registration_response", null);
        }
        return new McpRegisteredClient(clientId.toString(), secret != null ? Secret.of(secret.toString()) : null,
                new ClientAuthenticationMethod(method));
    }

    /** The RFC 7591 error code of a refusal, when it is one. */
    private static String errorCode(RestClientResponseException refusal) {
        try {
            Map<String, Object> error = refusal.getResponseBodyAs(JSON_OBJECT);
            Object code = error != null ? error.get("error") : null;
            return code != null && code.toString().matches("[a-z_]{1,64}") ? code.toString()
                    : "http_" + refusal.getStatusCode().value();
        } catch (RuntimeException unreadable) {
            return "http_" + refusal.getStatusCode().value();
        }
    }
}
