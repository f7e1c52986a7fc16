package com.yarnnn.export.bench;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.connection.Secret;
import com.yarnnn.export.localstack.DevTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users with one Slack connection each, saved through the {@link ConnectionStore} (token encrypted by the vault) as
 * the OAuth callback saves them: each its own workspace, all answered by the one local fake Slack API (so they share
 * its bot token). An export goes to one of the workspace's channels, chosen by the export's number, so no channel
 * receives more than Slack's ~1 message/s.
 */
final class SlackWorkspaces {

    static final int CHANNELS = 20;

    private final List<String> tokens = new ArrayList<>();

    private SlackWorkspaces() {
    }

    static SlackWorkspaces connect(ConnectionStore connections, String jwtSecret, String slackToken, int count,
            String label) {
        SlackWorkspaces workspaces = new SlackWorkspaces();
        for (int i = 0; i < count; i++) {
            UUID user = UUID.randomUUID();
            String team = "T%s%05d".formatted(label, i);
            connections.save(new ConnectionStore.NewConnection(user, "slack", team, "Bench " + team,
                    Map.of("team_id", team, "team_name", "Bench " + team, "team_domain", "bench-" + i),
                    Secret.of(slackToken), null, null, "chat:write,channels:read"));
            workspaces.tokens.add(DevTokens.mint(jwtSecret, user, Duration.ofHours(6)));
        }
        return workspaces;
    }

    int size() {
        return tokens.size();
    }

    /** Export number {@code n} through connection {@code connection}. */
    ExportCall call(int connection, int n) {
        return new ExportCall(tokens.get(connection), "slack", "C%010d".formatted(n % CHANNELS + 1));
    }
}
