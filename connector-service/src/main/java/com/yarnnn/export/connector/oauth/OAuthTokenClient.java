package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.credential.Secret;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.DefaultOAuth2TokenRequestHeadersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the vendors' token endpoints through Spring Security's token clients, one pair per vendor, customised
 * where the vendor departs from RFC 6749: JSON request bodies (Notion), errors inside HTTP 200 answers and
 * a {@code bot} token type (Slack). Every answer's parameters are kept whole, as {@link TokenGrant} needs.
 */
public class OAuthTokenClient {

    private record VendorClients(RestClientAuthorizationCodeTokenResponseClient authorizationCode,
            RestClientRefreshTokenTokenResponseClient refreshToken) {
    }

    private final Map<String, VendorClients> clients;

    public OAuthTokenClient(Collection<OAuthVendor> vendors, ClientHttpRequestFactory requestFactory) {
        this.clients = vendors.stream().collect(Collectors.toUnmodifiableMap(OAuthVendor::providerId,
                vendor -> clientsFor(vendor, requestFactory)));
    }

    /**
     * Exchanges an authorization code.
     *
     * @param codeVerifier the PKCE verifier of the authorization request, null when it had no challenge
     * @throws TokenEndpointException when the vendor refused or did not answer
     */
    public TokenGrant exchange(OAuthClient client, String code, String state, String codeVerifier) {
        ClientRegistration registration = client.registration();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .attributes(attributes -> {
                    if (codeVerifier != null) {
                        attributes.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
                    }
                })
                .build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(registration.getRedirectUri())
                .state(state)
                .build();
        return call(client.vendor(), () -> clients.get(client.providerId()).authorizationCode().getTokenResponse(
                new OAuth2AuthorizationCodeGrantRequest(registration, new OAuth2AuthorizationExchange(request, response))));
    }

    /**
     * Trades a refresh token for a new access token (and, where the vendor rotates them, a new refresh token).
     *
     * @throws TokenEndpointException when the vendor refused or did not answer
     */
    public TokenGrant refresh(OAuthClient client, Secret accessToken, Secret refreshToken) {
        OAuth2RefreshTokenGrantRequest request = new OAuth2RefreshTokenGrantRequest(client.registration(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken.reveal(), null, null),
                new OAuth2RefreshToken(refreshToken.reveal(), null));
        return call(client.vendor(), () -> clients.get(client.providerId()).refreshToken().getTokenResponse(request));
    }

    private static TokenGrant call(OAuthVendor vendor, Supplier<OAuth2AccessTokenResponse> tokenRequest) {
        try {
            return TokenGrant.of(tokenRequest.get());
        } catch (OAuth2AuthorizationException | RestClientException e) {
            TokenEndpointException refused = TokenEndpointException.from(e);
            vendor.tokenRequestRefused(refused.error());
            throw refused;
        }
    }

    private static VendorClients clientsFor(OAuthVendor vendor, ClientHttpRequestFactory requestFactory) {
        RestClient http = tokenEndpoint(vendor, requestFactory);
        RestClientAuthorizationCodeTokenResponseClient authorizationCode = new RestClientAuthorizationCodeTokenResponseClient();
        authorizationCode.setRestClient(http);
        RestClientRefreshTokenTokenResponseClient refreshToken = new RestClientRefreshTokenTokenResponseClient();
        refreshToken.setRestClient(http);
        authorizationCode.setParametersCustomizer(vendor::customizeTokenParameters);
        refreshToken.setParametersCustomizer(vendor::customizeTokenParameters);
        if (!MediaType.APPLICATION_FORM_URLENCODED.equals(vendor.tokenRequestType())) {
            authorizationCode.setHeadersConverter(headersWithBodyType(vendor.tokenRequestType()));
            refreshToken.setHeadersConverter(headersWithBodyType(vendor.tokenRequestType()));
        }
        return new VendorClients(authorizationCode, refreshToken);
    }

    private static RestClient tokenEndpoint(OAuthVendor vendor, ClientHttpRequestFactory requestFactory) {
        OAuth2AccessTokenResponseHttpMessageConverter tokenResponses = new OAuth2AccessTokenResponseHttpMessageConverter();
        tokenResponses.setAccessTokenResponseConverter(answer -> {
            vendor.checkTokenResponse(answer);
            return tokenResponse(answer);
        });
        return RestClient.builder()
                .requestFactory(requestFactory)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new JsonTokenRequestConverter())
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(tokenResponses))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** The whole answer as additional parameters; any token type is a bearer token to the vendor's own API. */
    private static OAuth2AccessTokenResponse tokenResponse(Map<String, Object> answer) {
        if (!(answer.get(OAuth2ParameterNames.ACCESS_TOKEN) instanceof String accessToken) || accessToken.isBlank()) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
        Object refreshToken = answer.get(OAuth2ParameterNames.REFRESH_TOKEN);
        return OAuth2AccessTokenResponse.withToken(accessToken)
                .tokenType(OAuth2AccessToken.TokenType.BEARER)
                .refreshToken(refreshToken != null ? refreshToken.toString() : null)
                .additionalParameters(answer)
                .build();
    }

    private static <T extends AbstractOAuth2AuthorizationGrantRequest> Converter<T, HttpHeaders> headersWithBodyType(
            MediaType bodyType) {
        Function<T, HttpHeaders> defaults = new DefaultOAuth2TokenRequestHeadersConverter<T>()::convert;
        return grantRequest -> {
            HttpHeaders headers = defaults.apply(grantRequest);
            headers.setContentType(bodyType);
            return headers;
        };
    }
}
