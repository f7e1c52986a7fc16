package com.yarnnn.export.connector.oauth;

import java.util.Map;

/**
 * The vendor account an OAuth grant belongs to.
 *
 * @param metadata what else is kept about it (Slack team and bot user, Notion workspace and bot, Google email)
 */
public record ConnectedAccount(String accountId, String accountName, Map<String, String> metadata) {

    public ConnectedAccount {
        metadata = Map.copyOf(metadata);
    }
}
