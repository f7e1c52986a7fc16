package com.yarnnn.export.bench;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.localstack.DevSlackWorkspaces;
import java.util.Collections;
import java.util.List;

/**
 * Users with one Slack connection each ({@link DevSlackWorkspaces}): each its own workspace, all answered by the one
 * local fake Slack API (so they share its bot token). An export goes to one of the workspace's channels, chosen by
 * the export's number, so no channel receives more than Slack's ~1 message/s.
 */
final class SlackWorkspaces {

    private final List<DevSlackWorkspaces.Workspace> workspaces;

    private SlackWorkspaces(List<DevSlackWorkspaces.Workspace> workspaces) {
        this.workspaces = workspaces;
    }

    static SlackWorkspaces connect(ConnectionStore connections, String jwtSecret, String slackToken, int count,
            String label) {
        return new SlackWorkspaces(DevSlackWorkspaces.connect(connections, jwtSecret,
                Collections.nCopies(count, slackToken), label));
    }

    int size() {
        return workspaces.size();
    }

    /** Export number {@code n} through connection {@code connection}. */
    ExportCall call(int connection, int n) {
        return new ExportCall(workspaces.get(connection).bearerToken(), "slack", DevSlackWorkspaces.channel(n));
    }
}
