package com.yarnnn.export.localstack;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.credential.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users with one Slack connection each, saved through the {@link ConnectionStore} (token encrypted by the vault) as
 * the OAuth callback saves them, each its own workspace (team) with the bot token it is given, and each with a bearer
 * token for the API: how the benchmark and the storm test load the local stack against a local fake Slack API.
 * Exports go to the workspace's channels in turn ({@link #channel}), so no channel receives more than Slack's ~1
 * message/s.
 */
public final class DevSlackWorkspaces {

    /** How many channels a workspace's exports rotate over. */
    public static final int CHANNELS = 20;

    /** A connected workspace: its user, team id, bot token and the user's bearer token (valid 6 h). */
    public record Workspace(UUID user, String teamId, String botToken, String bearerToken) {
    }

    private DevSlackWorkspaces() {
    }

    /** One user and workspace per bot token, teams named {@code T<label><number>}. */
    public static List<Workspace> connect(ConnectionStore connections, String jwtSecret, List<String> botTokens,
            String label) {
        List<Workspace> workspaces = new ArrayList<>();
        for (int i = 0; i < botTokens.size(); i++) {
            UUID user = UUID.randomUUID();
            String team = "T%s%05d".formatted(label, i);
            connections.save(new ConnectionStore.NewConnection(user, "slack", team, "Workspace " + team,
                    Map.of("team_id", team, "team_name", "Workspace " + team, "team_domain",
                            label.toLowerCase() + "-" + i),
                    Secret.of(botTokens.get(i)), null, null, "chat:write,channels:read"));
            workspaces.add(new Workspace(user, team, botTokens.get(i),
                    DevTokens.mint(jwtSecret, user, Duration.ofHours(6))));
        }
        return workspaces;
    }

    /** The channel of a workspace's export number {@code n}: {@code C0000000001} … in turn. */
    public static String channel(int n) {
        return "C%010d".formatted(n % CHANNELS + 1);
    }
}
