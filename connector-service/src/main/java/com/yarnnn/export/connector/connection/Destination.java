package com.yarnnn.export.connector.connection;

/**
 * A place in a connected account an export can go: a Slack channel, a Notion page, an email recipient.
 *
 * @param kind {@code channel}, {@code page}, {@code folder} or {@code email}
 */
public record Destination(String id, String name, String kind) {
}
