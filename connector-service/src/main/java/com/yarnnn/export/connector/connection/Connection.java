package com.yarnnn.export.connector.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user's connected provider account ({@code user_integrations} without the tokens).
 *
 * @param accountId   the provider's id of the account: Slack team id, Notion workspace id, Google email
 * @param accountName what to show: the Slack team's or Notion workspace's name, the Google email
 * @param metadata    provider details kept from the token response (Slack bot user id, Notion bot id, …)
 */
public record Connection(UUID id, UUID userId, String providerId, String accountId, String accountName,
        Map<String, String> metadata, ConnectionStatus status, Instant connectedAt) {

    public Connection {
        metadata = metadata != null ? Map.copyOf(metadata) : Map.of();
    }
}
