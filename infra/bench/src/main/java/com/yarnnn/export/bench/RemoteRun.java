package com.yarnnn.export.bench;

import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the remote transport did during one run, beside its {@link BenchRow}: exports offered, connection clients
 * open in export-consumer once the run ended (the warm-up connection's included), and what the hosted Slack MCP
 * double saw: MCP sessions initialized and tool calls served, by tool (a {@code slack_read_channel} is a retried
 * export looking for its earlier attempt's message).
 */
record RemoteRun(int offered, long clientsOpen, int sessionsStarted, Map<String, Integer> toolCalls) {

    static final String MARKDOWN_HEADER = """
            | run | connections | offered | exports offered | clients open after | MCP sessions initialized | tool calls | client hit rate | child processes max |
            |---|---|---|---|---|---|---|---|---|""";

    String markdown(BenchRow row) {
        return "| " + String.join(" | ", row.scenario(), String.valueOf(row.connections()), row.offered(),
                String.valueOf(offered), String.valueOf(clientsOpen), String.valueOf(sessionsStarted),
                calls() + " " + toolCalls, Double.isNaN(hitRate()) ? "–" : Math.round(hitRate() * 100) + " %",
                String.valueOf(row.resources().childrenMax())) + " |";
    }

    /** Share of tool calls that found their connection's client, and so its session, open already. */
    double hitRate() {
        return calls() == 0 ? Double.NaN : Math.max(0, 1 - (double) sessionsStarted / calls());
    }

    private int calls() {
        return toolCalls.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The double's counters at one moment; {@link #until} turns two of them into a run's figures. */
    record Counters(int sessions, Map<String, Integer> toolCalls) {

        static Counters of(HostedSlackMcp slack) {
            return new Counters(slack.sessionsStarted(), slack.callCounts());
        }

        RemoteRun until(Counters end, int offered, long clientsOpen) {
            Map<String, Integer> calls = end.toolCalls.entrySet().stream()
                    .filter(e -> e.getValue() > toolCalls.getOrDefault(e.getKey(), 0))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() - toolCalls.getOrDefault(e.getKey(), 0),
                            Integer::sum, TreeMap::new));
            return new RemoteRun(offered, clientsOpen, end.sessions - sessions, calls);
        }
    }
}
