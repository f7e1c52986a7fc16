package com.yarnnn.export.connector.provider.notion;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code yarnnn.providers.notion.*} ({@code enabled=false} leaves the provider out).
 *
 * @param entry            the Notion MCP server's entry, relative to the MCP servers directory
 * @param destinationLimit how many pages {@code destinations} lists at most (Notion's search pages 100 at a time)
 */
@ConfigurationProperties("yarnnn.providers.notion")
public record NotionProperties(String entry, Integer destinationLimit) {

    public NotionProperties {
        entry = entry != null ? entry : "node_modules/@notionhq/notion-mcp-server/bin/cli.mjs";
        destinationLimit = destinationLimit != null ? destinationLimit : 500;
    }
}
