package com.yarnnn.export.connector.oauth;

import com.yarnnn.export.connector.vault.TokenVault;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The {@code mcp_oauth_clients} table: the client this deployment registered at each MCP authorization server for
 * its redirect URI. In the database, not only in memory, because registering is once per deployment: every
 * process and every restart shares the row, and the first process to register wins a race. The client secret, if
 * any, is sealed by the token vault, as the connections' tokens are.
 */
class McpClientStore {

    private final JdbcClient jdbc;
    private final TokenVault vault;
    private final Clock clock;

    McpClientStore(JdbcClient jdbc, TokenVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    Optional<McpRegisteredClient> find(String issuer, String redirectUri) {
        return jdbc.sql("""
                        select client_id, client_secret, token_endpoint_auth_method from mcp_oauth_clients
                        where issuer = ? and redirect_uri = ?""")
                .params(issuer, redirectUri)
                .query((rs, row) -> {
                    byte[] secret = rs.getBytes("client_secret");
                    return new McpRegisteredClient(rs.getString("client_id"), secret != null ? vault.decrypt(secret) : null,
                            new ClientAuthenticationMethod(rs.getString("token_endpoint_auth_method")));
                })
                .optional();
    }

    /** Keeps {@code client} unless another process registered first; either way returns the kept one. */
    McpRegisteredClient keep(String issuer, String redirectUri, McpRegisteredClient client) {
        jdbc.sql("""
                        insert into mcp_oauth_clients
                            (issuer, redirect_uri, client_id, client_secret, token_endpoint_auth_method, registered_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (issuer, redirect_uri) do nothing""")
                .params(issuer, redirectUri, client.clientId(),
                        client.clientSecret() != null ? vault.encrypt(client.clientSecret()) : null,
                        client.authenticationMethod().getValue(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return find(issuer, redirectUri).orElse(client);
    }

    /** Forgets the client the authorization server no longer knows (only that one, not a newer registration). */
    void forget(String issuer, String redirectUri, String clientId) {
        jdbc.sql("delete from mcp_oauth_clients where issuer = ? and redirect_uri = ? and client_id = ?")
                .params(issuer, redirectUri, clientId)
                .update();
    }
}
