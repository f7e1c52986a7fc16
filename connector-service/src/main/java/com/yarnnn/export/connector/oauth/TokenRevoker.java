package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Revokes a connection's tokens at its vendor, where the vendor has a revocation endpoint. Best effort: the
 * user asked to disconnect, so a vendor that refuses or does not answer is logged and the disconnect goes on.
 */
public class TokenRevoker {

    private static final Logger log = LoggerFactory.getLogger(TokenRevoker.class);

    private final OAuthClients clients;
    private final RestClient http;
    private final Map<String, URI> revocationUris;

    public TokenRevoker(OAuthClients clients, RestClient http, Map<String, URI> revocationUris) {
        this.clients = clients;
        this.http = http;
        this.revocationUris = Map.copyOf(revocationUris);
    }

    /** @return whether the vendor confirmed the revocation */
    public boolean revoke(Connection connection, StoredTokens tokens) {
        try {
            Optional<OAuthClient> client = clients.find(connection.providerId());
            URI revocationUri = client.map(OAuthClient::vendor).flatMap(OAuthVendor::revocationUri)
                    .orElse(revocationUris.get(connection.providerId()));
            if (client.isEmpty() || revocationUri == null) {
                return false;
            }
            client.get().vendor().revoke(http, revocationUri, client.get().registration(), tokens);
            return true;
        } catch (McpAuthorizationException e) {
            log.warn("{} did not revoke the tokens of connection {}: {}", connection.providerId(), connection.id(),
                    e.reason());
        } catch (TokenEndpointException e) {
            log.warn("{} did not revoke the tokens of connection {}: {}", connection.providerId(), connection.id(),
                    e.error());
        } catch (RestClientResponseException e) {
            log.warn("{} did not revoke the tokens of connection {}: HTTP {}", connection.providerId(),
                    connection.id(), e.getStatusCode().value());
        } catch (RestClientException e) {
            log.warn("{} did not revoke the tokens of connection {}: {}", connection.providerId(), connection.id(),
                    e.getClass().getSimpleName());
        }
        return false;
    }
}
