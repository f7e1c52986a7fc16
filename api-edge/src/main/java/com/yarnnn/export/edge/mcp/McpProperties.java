package com.yarnnn.export.edge.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * YARNNN's own MCP server at {@code /mcp}.
 *
 * @param resourceUrl          the endpoint's public URL, which tokens must name as their audience (RFC 8707); by
 *                             default the URL the request came to
 * @param authorizationServers the issuers of the tokens, as the protected resource metadata names them (RFC 9728)
 * @param scopes               the scopes the metadata lists
 * @param maxWait              the longest {@code export_deliverable} waits for the export's end when asked to
 * @param callsPerMinute       each user's budget of tool calls
 */
@ConfigurationProperties("yarnnn.mcp-endpoint")
public record McpProperties(
        URI resourceUrl,
        @DefaultValue List<URI> authorizationServers,
        @DefaultValue("exports") List<String> scopes,
        @DefaultValue("30s") Duration maxWait,
        @DefaultValue("120") int callsPerMinute) {
}
