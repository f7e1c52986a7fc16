package com.yarnnn.export.connector.oauth;

import java.net.URI;

/**
 * What discovery found for a hosted MCP server: the authorization server that issues its tokens, with the
 * endpoints of its metadata (RFC 8414).
 *
 * @param resource         the MCP server as a resource indicator (RFC 8707), sent with authorization and token requests
 * @param registrationUri  null when the server offers no dynamic client registration
 * @param revocationUri    null when the server offers no token revocation
 */
public record McpAuthorizationServer(URI resource, String issuer, URI authorizationUri, URI tokenUri,
        URI registrationUri, URI revocationUri) {
}
