package com.yarnnn.export.connector.provider.notion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code yarnnn.providers.notion.*} ({@code enabled=false} leaves the provider out).
 *
 * @param entry            the Notion MCP server's entry, relative to the MCP servers directory (transport
 *                         {@code stdio})
 * @param destinationLimit how many pages {@code destinations} lists at most (Notion's search pages 100 at a time)
 * @param transport        which MCP server carries the calls: {@code stdio} (default) the npm
 *                         {@code @notionhq/notion-mcp-server}, one process per connection; {@code remote} Notion's
 *                         hosted server ({@code yarnnn.mcp.remote.servers.notion.url}) with the connection's token
 */
@ConfigurationProperties("yarnnn.providers.notion")
public record NotionProperties(String entry, Integer destinationLimit, Transport transport) {

    /** {@code yarnnn.providers.notion.transport}. */
    public enum Transport {
        STDIO, REMOTE
    }

    @ConstructorBinding
    public NotionProperties {
        entry = entry != null ? entry : "node_modules/@notionhq/notion-mcp-server/bin/cli.mjs";
        destinationLimit = destinationLimit != null ? destinationLimit : 500;
        transport = transport != null ? transport : Transport.STDIO;
    }

    /** Transport {@code stdio}. */
    public NotionProperties(String entry, Integer destinationLimit) {
        this(entry, destinationLimit, null);
    }
}
