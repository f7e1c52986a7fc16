package com.yarnnn.export.connector.provider.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param entry           the Slack server's entry, relative to the MCP servers directory (transport {@code stdio})
 * @param maxMessageChars the longest message posted; a longer deliverable continues in the first message's thread.
 *                        Slack truncates {@code text} past 40,000 chars, and the hosted server (transport {@code remote})
 *                        takes at most 12,000 of markdown; shorter messages read better
 * @param transport       which MCP server carries the calls: {@code stdio} (default) the npm
 *                        {@code @modelcontextprotocol/server-slack}, one process per connection, with the bot token;
 *                        {@code remote} Slack's hosted server ({@code yarnnn.mcp.remote.servers.slack.url}) with the
 *                        connection's user token
 */
@ConfigurationProperties("yarnnn.providers.slack")
public record SlackProperties(String entry, Integer maxMessageChars, Transport transport) {

    /** {@code yarnnn.providers.slack.transport}. */
    public enum Transport {
        STDIO, REMOTE
    }

    static final int MIN_MESSAGE_CHARS = 500;
    static final int MAX_MESSAGE_CHARS = 40_000;

    @ConstructorBinding
    public SlackProperties {
        entry = entry != null ? entry : "node_modules/@modelcontextprotocol/server-slack/dist/index.js";
        maxMessageChars = maxMessageChars != null ? maxMessageChars : 3_500;
        transport = transport != null ? transport : Transport.STDIO;
        if (maxMessageChars < MIN_MESSAGE_CHARS || maxMessageChars > MAX_MESSAGE_CHARS) {
            throw new IllegalArgumentException("yarnnn.providers.slack.max-message-chars must be between "
                    + MIN_MESSAGE_CHARS + " and " + MAX_MESSAGE_CHARS);
        }
    }

    /** Transport {@code stdio}. */
    public SlackProperties(String entry, Integer maxMessageChars) {
        this(entry, maxMessageChars, null);
    }
}
