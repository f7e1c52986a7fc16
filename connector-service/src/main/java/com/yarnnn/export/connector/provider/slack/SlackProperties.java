package com.yarnnn.export.connector.provider.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param entry           the Slack server's entry, relative to the MCP servers directory
 * @param maxMessageChars the longest message posted; a longer deliverable continues in the first message's thread.
 *                        Slack truncates {@code text} past 40,000 chars; shorter messages read better
 */
@ConfigurationProperties("yarnnn.providers.slack")
public record SlackProperties(String entry, Integer maxMessageChars) {

    static final int MIN_MESSAGE_CHARS = 500;
    static final int MAX_MESSAGE_CHARS = 40_000;

    public SlackProperties {
        entry = entry != null ? entry : "node_modules/@modelcontextprotocol/server-slack/dist/index.js";
        maxMessageChars = maxMessageChars != null ? maxMessageChars : 3_500;
        if (maxMessageChars < MIN_MESSAGE_CHARS || maxMessageChars > MAX_MESSAGE_CHARS) {
            throw new IllegalArgumentException("yarnnn.providers.slack.max-message-chars must be between "
                    + MIN_MESSAGE_CHARS + " and " + MAX_MESSAGE_CHARS);
        }
    }
}
