package com.yarnnn.export.bench;

import com.yarnnn.export.fakes.hosted.HostedSlackMcp;

/**
 * What the remote transport did during one run, beside its {@link BenchRow}: exports offered, connection clients
 * open in export-consumer once the run ended (the warm-up connection's included), and what the hosted Slack MCP
 * double saw: MCP sessions initialized and tool calls served.
 */
record RemoteRun(int offered, long clientsOpen, int sessionsStarted, int toolCalls) {

    static final String MARKDOWN_HEADER = """
            | run | connections | offered | exports offered | clients open after | MCP sessions initialized | tool calls | client hit rate | child processes max |
            |---|---|---|---|---|---|---|---|---|""";

    String markdown(BenchRow row) {
        return "| " + String.join(" | ", row.scenario(), String.valueOf(row.connections()), row.offered(),
                String.valueOf(offered), String.valueOf(clientsOpen), String.valueOf(sessionsStarted),
                String.valueOf(toolCalls), Double.isNaN(hitRate()) ? "–" : Math.round(hitRate() * 100) + " %",
                String.valueOf(row.resources().childrenMax())) + " |";
    }

    /** Share of tool calls that found their connection's client, and so its session, open already. */
    double hitRate() {
        return toolCalls == 0 ? Double.NaN : Math.max(0, 1 - (double) sessionsStarted / toolCalls);
    }

    /** The double's counters at one moment; {@link #until} turns two of them into a run's figures. */
    record Counters(int sessions, int toolCalls) {

        static Counters of(HostedSlackMcp slack) {
            return new Counters(slack.sessionsStarted(),
                    slack.callCounts().values().stream().mapToInt(Integer::intValue).sum());
        }

        RemoteRun until(Counters end, int offered, long clientsOpen) {
            return new RemoteRun(offered, clientsOpen, end.sessions - sessions, end.toolCalls - toolCalls);
        }
    }
}
