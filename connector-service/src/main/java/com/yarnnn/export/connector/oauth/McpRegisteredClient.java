package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.credential.Secret;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The client this deployment is at an MCP authorization server (RFC 7591's answer).
 *
 * @param clientSecret null for a public client ({@code none}), which proves itself with PKCE alone
 */
public record McpRegisteredClient(String clientId, Secret clientSecret, ClientAuthenticationMethod authenticationMethod) {
}
