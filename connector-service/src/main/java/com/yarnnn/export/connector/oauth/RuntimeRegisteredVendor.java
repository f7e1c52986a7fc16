package com.yarnnn.export.connector.oauth;

import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * A vendor whose OAuth client is not configured but found at runtime: the hosted MCP server's authorization server
 * is discovered and this deployment registers itself there (MCP authorization).
 */
public interface RuntimeRegisteredVendor extends OAuthVendor {

    /**
     * The registration to authorize and exchange tokens with, discovered and registered on first use.
     *
     * @throws McpAuthorizationException when the authorization server could not be discovered or refused to
     *                                   register this deployment
     */
    ClientRegistration registration();
}
