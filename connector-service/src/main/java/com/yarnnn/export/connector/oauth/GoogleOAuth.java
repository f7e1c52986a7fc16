package com.yarnnn.export.connector.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Google's OAuth for Gmail (registration {@code gmail}): PKCE, an offline refresh token, and the account's
 * email from the OpenID id token. The id token's signature is not checked: it came straight from Google's
 * token endpoint over TLS, which OpenID Connect Core (3.1.3.7) accepts in place of it; its audience and issuer
 * are.
 */
public class GoogleOAuth implements OAuthVendor {

    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

    @Override
    public String providerId() {
        return "gmail";
    }

    @Override
    public String displayName() {
        return "Gmail";
    }

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public ConnectedAccount account(TokenGrant grant, ClientRegistration registration) {
        String idToken = grant.text("id_token");
        if (idToken == null) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
            String email = claims.getStringClaim("email");
            if (email == null || !ISSUERS.contains(claims.getIssuer())
                    || !claims.getAudience().contains(registration.getClientId())) {
                throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
            }
            return new ConnectedAccount(email, email, Map.of("email", email));
        } catch (ParseException e) {
            throw new TokenEndpointException(TokenEndpointException.UNREADABLE, false);
        }
    }

    /** Revoking the refresh token ends the whole grant, its access tokens included. */
    @Override
    public void revoke(RestClient http, URI revocationUri, ClientRegistration registration, StoredTokens tokens) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", (tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken()).reveal());
        http.post().uri(revocationUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toBodilessEntity();
    }
}
