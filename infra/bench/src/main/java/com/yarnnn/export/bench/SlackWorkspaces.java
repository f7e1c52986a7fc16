package com.yarnnn.export.bench;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.localstack.DevSlackWorkspaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users with one Slack connection each ({@link DevSlackWorkspaces}), each its own workspace. On the stdio transport
 * all are answered by the one local fake Slack API (so they share its bot token); on the remote transport each has
 * its own user token, registered with the hosted Slack MCP double as its workspace's. An export goes to one of the
 * workspace's channels, chosen by the export's number, so no channel receives more than Slack's ~1 message/s.
 */
final class SlackWorkspaces {

    /** Connections saved per transaction: one commit per connection made 10,000 of them take minutes. */
    private static final int BATCH = 500;
    private static final int SAVERS = 4;
    /** The channels of every workspace, ids and names shared, so 10,000 workspaces of the double stay small. */
    private static final Map<String, String> CHANNELS = IntStream.range(0, DevSlackWorkspaces.CHANNELS)
            .mapToObj(DevSlackWorkspaces::channel)
            .collect(Collectors.toMap(id -> id, id -> "bench-" + id, (a, b) -> a, LinkedHashMap::new));

    private final List<DevSlackWorkspaces.Workspace> workspaces;

    private SlackWorkspaces(List<DevSlackWorkspaces.Workspace> workspaces) {
        this.workspaces = workspaces;
    }

    /** {@code count} connections sharing the fake Slack API's bot token (the stdio transport). */
    static SlackWorkspaces connect(ConnectionStore connections, TransactionTemplate transactions, String jwtSecret,
            String slackToken, int count, String label) {
        return new SlackWorkspaces(saved(connections, transactions, jwtSecret, count, label, i -> slackToken));
    }

    /**
     * {@code count} connections, each with a user token of its own that {@code slack} knows as its workspace's, with
     * the channels exports rotate over (the remote transport).
     */
    static SlackWorkspaces connectHosted(ConnectionStore connections, TransactionTemplate transactions,
            String jwtSecret, HostedSlackMcp slack, int count, String label) {
        String run = UUID.randomUUID().toString();
        List<DevSlackWorkspaces.Workspace> saved = saved(connections, transactions, jwtSecret, count, label,
                i -> "xoxp-bench-" + label + "-" + i + "-" + run);
        saved.forEach(workspace -> register(slack, workspace));
        return new SlackWorkspaces(saved);
    }

    /** Lets the double answer {@code workspace}'s token, as its workspace with the channels exports go to. */
    static void register(HostedSlackMcp slack, DevSlackWorkspaces.Workspace workspace) {
        slack.workspace(workspace.teamId(), workspace.teamId().toLowerCase());
        CHANNELS.forEach((id, name) -> slack.channel(workspace.teamId(), id, name));
        slack.token(workspace.botToken(), workspace.teamId(), "U" + workspace.teamId().substring(1));
    }

    int size() {
        return workspaces.size();
    }

    DevSlackWorkspaces.Workspace get(int connection) {
        return workspaces.get(connection);
    }

    /** Export number {@code n} through connection {@code connection}. */
    ExportCall call(int connection, int n) {
        return new ExportCall(workspaces.get(connection).bearerToken(), "slack", DevSlackWorkspaces.channel(n));
    }

    /**
     * Saves the connections {@link #BATCH} to a transaction on {@link #SAVERS} threads; teams are named
     * {@code T<label>-<batch>-<number>} so they stay distinct across batches.
     */
    private static List<DevSlackWorkspaces.Workspace> saved(ConnectionStore connections,
            TransactionTemplate transactions, String jwtSecret, int count, String label, IntFunction<String> token) {
        long began = System.nanoTime();
        ExecutorService savers = Executors.newFixedThreadPool(SAVERS);
        try {
            List<Future<List<DevSlackWorkspaces.Workspace>>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += BATCH) {
                List<String> tokens = IntStream.range(from, Math.min(count, from + BATCH)).mapToObj(token).toList();
                String batchLabel = label + "-" + from / BATCH + "-";
                batches.add(savers.submit(() -> transactions.execute(
                        tx -> DevSlackWorkspaces.connect(connections, jwtSecret, tokens, batchLabel))));
            }
            List<DevSlackWorkspaces.Workspace> saved = new ArrayList<>(count);
            for (Future<List<DevSlackWorkspaces.Workspace>> batch : batches) {
                saved.addAll(batch.get());
            }
            System.out.printf(Locale.ROOT, "Saved %,d Slack connections (%s) in %.1f s%n", count, label,
                    (System.nanoTime() - began) / 1e9);
            return saved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving connections", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Saving the bench's Slack connections failed", e.getCause());
        } finally {
            savers.shutdown();
        }
    }
}
