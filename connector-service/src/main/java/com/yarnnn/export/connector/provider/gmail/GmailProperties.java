package com.yarnnn.export.connector.provider.gmail;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serverJar  the Gmail MCP server's jar, relative to the MCP servers directory ({@code yarnnn.mcp.servers-dir})
 *                   or absolute; the build puts it at {@code java/gmail-mcp-server.jar}
 * @param apiBaseUrl where the server calls the Gmail API; unset means Google's ({@code https://gmail.googleapis.com})
 */
@ConfigurationProperties("yarnnn.providers.gmail")
public record GmailProperties(String serverJar, URI apiBaseUrl) {

    public GmailProperties {
        serverJar = serverJar != null && !serverJar.isBlank() ? serverJar : "java/gmail-mcp-server.jar";
    }
}
