package com.yarnnn.export.connector.oauth;

import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClientException;

/**
 * The client registration of one hosted MCP server, found on first use: discovery of its authorization server,
 * then the client kept in {@link McpClientStore}, else a new dynamic registration, kept there. Built as Spring
 * Security's {@link ClientRegistration}, so the token clients and PKCE work as for a configured app. When the
 * authorization server no longer knows the client ({@code invalid_client}), {@link #forget} drops it and the next
 * use registers again.
 */
class McpClientRegistrations {

    private static final Logger log = LoggerFactory.getLogger(McpClientRegistrations.class);

    private record Found(McpAuthorizationServer server, McpRegisteredClient client, ClientRegistration registration) {
    }

    private final String registrationId;
    private final String vendorName;
    private final URI resource;
    private final String redirectUri;
    private final ProtectedResourceDiscovery discovery;
    private final DynamicClientRegistrar registrar;
    private final McpClientStore store;
    private volatile Found found;

    McpClientRegistrations(String registrationId, String vendorName, URI resource, String redirectUri,
            ProtectedResourceDiscovery discovery, DynamicClientRegistrar registrar, McpClientStore store) {
        this.registrationId = registrationId;
        this.vendorName = vendorName;
        this.resource = resource;
        this.redirectUri = redirectUri;
        this.discovery = discovery;
        this.registrar = registrar;
        this.store = store;
    }

    /** @throws McpAuthorizationException when discovery or registration failed */
    ClientRegistration registration() {
        return found().registration();
    }

    String registrationId() {
        return registrationId;
    }

    String vendorName() {
        return vendorName;
    }

    URI resource() {
        return resource;
    }

    /** The authorization server's revocation endpoint, if it has one and could be discovered. */
    Optional<URI> revocationUri() {
        try {
            return Optional.ofNullable(found().server().revocationUri());
        } catch (McpAuthorizationException e) {
            return Optional.empty();
        }
    }

    /** Drops the registered client the authorization server refused, here and in the store. */
    synchronized void forget() {
        Found refused = found;
        if (refused != null) {
            store.forget(refused.server().issuer(), redirectUri, refused.client().clientId());
            found = null;
            log.warn("{}'s authorization server no longer knows client {}: it will be registered again",
                    vendorName, refused.client().clientId());
        }
    }

    private Found found() {
        Found current = found;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (found == null) {
                found = find();
            }
            return found;
        }
    }

    private Found find() {
        McpAuthorizationServer server;
        try {
            server = discovery.discover(resource);
        } catch (RestClientException | IllegalArgumentException e) {
            log.warn("Discovering the authorization server of {} ({}) failed: {}", vendorName, resource,
                    e.getClass().getSimpleName());
            throw new McpAuthorizationException(vendorName, McpAuthorizationException.DISCOVERY_FAILED, e);
        }
        McpRegisteredClient client = store.find(server.issuer(), redirectUri).orElseGet(() -> register(server));
        return new Found(server, client, ClientRegistration.withRegistrationId(registrationId)
                .clientName(vendorName)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret() != null ? client.clientSecret().reveal() : null)
                .clientAuthenticationMethod(client.authenticationMethod())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .authorizationUri(server.authorizationUri().toString())
                .tokenUri(server.tokenUri().toString())
                .issuerUri(server.issuer())
                .build());
    }

    private McpRegisteredClient register(McpAuthorizationServer server) {
        if (server.registrationUri() == null) {
            throw new McpAuthorizationException(vendorName, "registration_not_supported", null);
        }
        McpRegisteredClient registered = registrar.register(vendorName, server.registrationUri(), redirectUri);
        McpRegisteredClient kept = store.keep(server.issuer(), redirectUri, registered);
        log.info("Registered as OAuth client {} at {}'s authorization server {} ({})", kept.clientId(), vendorName,
                server.issuer(), kept.authenticationMethod().getValue());
        return kept;
    }
}
