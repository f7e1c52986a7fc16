package com.yarnnn.export.edge.oauth;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.ConnectionStore.NewConnection;
import com.yarnnn.export.connector.oauth.ConnectedAccount;
import com.yarnnn.export.connector.oauth.OAuthClient;
import com.yarnnn.export.connector.oauth.OAuthClients;
import com.yarnnn.export.connector.oauth.OAuthTokenClient;
import com.yarnnn.export.connector.oauth.TokenEndpointException;
import com.yarnnn.export.connector.oauth.TokenGrant;
import com.yarnnn.export.edge.oauth.OAuthStates.AcceptedState;
import com.yarnnn.export.edge.oauth.OAuthStates.IssuedState;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.security.UserId;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.util.StringUtils;

/**
 * Connecting an account: the authorization URL a user is sent to, and the callback that exchanges the code,
 * saves the connection and sends the browser back to the settings page. The callback has no bearer token (the
 * browser comes from the vendor): the signed, single-use state says whose authorization it is.
 */
class OAuthFlow {

    private static final Logger log = LoggerFactory.getLogger(OAuthFlow.class);
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final OAuthClients clients;
    private final OAuthStates states;
    private final OAuthTokenClient tokens;
    private final ConnectionStore connections;
    private final SettingsPage settings;
    private final Clock clock;

    OAuthFlow(OAuthClients clients, OAuthStates states, OAuthTokenClient tokens, ConnectionStore connections,
            SettingsPage settings, Clock clock) {
        this.clients = clients;
        this.states = states;
        this.tokens = tokens;
        this.connections = connections;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where to send the user to authorize: the vendor's URL and the new state it carries. */
    record AuthorizationStart(URI url, String state) {
    }

    /** The vendor's authorization URL with a new state (and PKCE challenge where the vendor takes one). */
    AuthorizationStart authorizationUrl(UserId user, String providerId) {
        OAuthClient client = connectable(providerId);
        IssuedState state = states.issue(user.value(), providerId);
        ClientRegistration registration = client.registration();
        OAuth2AuthorizationRequest.Builder request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state.value())
                .parameters(client.vendor()::customizeAuthorizationParameters);
        if (client.vendor().usesPkce()) {
            request.additionalParameters(Map.of(
                    PkceParameterNames.CODE_CHALLENGE, OAuthStateCodec.codeChallenge(state.codeVerifier()),
                    PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"));
        }
        return new AuthorizationStart(URI.create(request.build().getAuthorizationRequestUri()), state.value());
    }

    /** Where the browser goes next: the settings page, told whether the account was connected and if not why. */
    URI complete(String providerId, OAuthCallback callback) {
        try {
            return connect(providerId, callback);
        } catch (RuntimeException e) {
            log.error("Connecting {} failed unexpectedly", providerId, e);
            return settings.failed("server_error",
                    "Connecting " + clients.displayName(providerId) + " failed on our side: try again");
        }
    }

    private URI connect(String providerId, OAuthCallback callback) {
        if (!clients.isVendor(providerId)) {
            return settings.failed("unknown_provider", "There is no such provider to connect");
        }
        String name = clients.displayName(providerId);
        if (callback.error() != null) {
            abandon(callback.state(), providerId);
            return "access_denied".equals(callback.error())
                    ? settings.failed("access_denied", "You did not allow access to " + name + ", so nothing was connected")
                    : settings.failed("authorization_failed", name + " did not authorise the connection ("
                            + (ERROR_CODE.matcher(callback.error()).matches() ? callback.error() : "unknown error") + ")");
        }
        Optional<OAuthClient> client = clients.find(providerId);
        if (client.isEmpty()) {
            return settings.failed("not_configured", name + " cannot be connected here: its OAuth app is not configured");
        }
        AcceptedState accepted;
        try {
            accepted = states.accept(callback.state(), providerId);
        } catch (InvalidStateException e) {
            log.info("Refused an OAuth callback of {}: {}", providerId, e.code());
            return settings.failed(e.code(), e.getMessage());
        }
        if (!StringUtils.hasText(callback.code())) {
            return settings.failed("authorization_failed", name + " sent no authorization code: start again from Settings");
        }
        return exchange(client.get(), callback, accepted);
    }

    private URI exchange(OAuthClient client, OAuthCallback callback, AcceptedState accepted) {
        String name = client.vendor().displayName();
        TokenGrant grant;
        ConnectedAccount account;
        try {
            grant = tokens.exchange(client, callback.code(), callback.state(),
                    client.vendor().usesPkce() ? accepted.codeVerifier() : null);
            account = client.vendor().account(grant, client.registration());
        } catch (TokenEndpointException e) {
            log.warn("Exchanging an authorization code of {} failed: {}", client.providerId(), e.error());
            return settings.failed("exchange_failed", name + " did not complete the connection: start it again from Settings");
        }
        Connection saved = connections.save(new NewConnection(accepted.userId(), client.providerId(),
                account.accountId(), account.accountName(), account.metadata(), grant.accessToken(),
                grant.refreshToken(), grant.expiresAt(clock.instant()), grant.scope()));
        log.info("User {} connected {} account {} (connection {})", accepted.userId(), client.providerId(),
                account.accountId(), saved.id());
        return settings.connected(client.providerId());
    }

    /** Uses up the state of an authorization the vendor ended, so that it cannot be completed later. */
    private void abandon(String state, String providerId) {
        try {
            states.accept(state, providerId);
        } catch (InvalidStateException alreadyUnusable) {
            // nothing to use up
        }
    }

    private OAuthClient connectable(String providerId) {
        if (!clients.isVendor(providerId)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "There is no provider '" + providerId + "' to connect");
        }
        return clients.find(providerId).orElseThrow(() -> new ApiProblemException(HttpStatus.CONFLICT,
                clients.displayName(providerId) + " cannot be connected here: its OAuth app is not configured"));
    }
}
