package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * What differs between the vendors' OAuth apps beyond their endpoints (which are configuration): how they
 * want the token request, how they answer, which account the tokens belong to, how tokens are revoked.
 */
public interface OAuthVendor {

    /** The provider id, which is also the id of the OAuth client registration. */
    String providerId();

    String displayName();

    /** Whether the vendor takes a PKCE S256 challenge from a confidential web client. */
    boolean usesPkce();

    /** The body type of token requests; the parameters are those of RFC 6749 either way. */
    default MediaType tokenRequestType() {
        return MediaType.APPLICATION_FORM_URLENCODED;
    }

    /** Changes the authorization request's query parameters where the vendor departs from RFC 6749. */
    default void customizeAuthorizationParameters(Map<String, Object> parameters) {
    }

    /** Adds to a token request's parameters where the vendor wants more than RFC 6749's. */
    default void customizeTokenParameters(MultiValueMap<String, String> parameters) {
    }

    /** Told each error code the vendor's token endpoint refused a request with. */
    default void tokenRequestRefused(String error) {
    }

    /**
     * Rejects a token endpoint answer that reports an error with a success status.
     *
     * @throws TokenEndpointException with the vendor's error code
     */
    default void checkTokenResponse(Map<String, Object> response) {
    }

    /** Whether a token endpoint error means the refresh token no longer works (revoked, expired, rotated). */
    default boolean isDeadGrant(String error) {
        return "invalid_grant".equals(error);
    }

    /**
     * The account the tokens were issued for.
     *
     * @throws TokenEndpointException when the token response does not name it
     */
    ConnectedAccount account(TokenGrant grant, ClientRegistration registration);

    /** The revocation endpoint the vendor announces itself, where it is not configured. */
    default Optional<URI> revocationUri() {
        return Optional.empty();
    }

    /**
     * Revokes the connection's tokens at the vendor.
     *
     * @throws TokenEndpointException or a {@link org.springframework.web.client.RestClientException} when the
     *                                vendor did not confirm
     */
    void revoke(RestClient http, URI revocationUri, ClientRegistration registration, StoredTokens tokens);
}
