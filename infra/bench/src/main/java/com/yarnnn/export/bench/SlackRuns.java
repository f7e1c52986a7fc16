package com.yarnnn.export.bench;

import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.fakes.hosted.HostedSlackMcp;
import com.yarnnn.export.localstack.LocalStack;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Measures a Slack load run on either transport, each after a fresh export-consumer: a run starts with no MCP server
 * alive, no remote client open and meters of its own. The remote transport is chosen by restarting export-consumer
 * with {@code yarnnn.providers.slack.transport=remote}, as a deployment would be configured.
 */
final class SlackRuns {

    /** Sends a run's exports; {@code guard} says when to stop sending early. */
    @FunctionalInterface
    interface Load {
        LoadDriver.Sent send(LoadDriver driver, BooleanSupplier guard);
    }

    /** A remote run's row and the remote transport's own figures. */
    record Measured(BenchRow row, RemoteRun remote) {
    }

    private static final Map<String, Object> STDIO = Map.of("yarnnn.providers.slack.transport", "stdio");
    private static final Map<String, Object> REMOTE = Map.of("yarnnn.providers.slack.transport", "remote");

    private final LocalStack stack;
    private final LoadDriver driver;
    private final ProjectionReader projection;
    private final PipelineRun runs;
    private final SlackWorkspaces warmUp;
    private final int processGuard;

    SlackRuns(LocalStack stack, LoadDriver driver, ProjectionReader projection, PipelineRun runs,
            SlackWorkspaces warmUp, int processGuard) {
        this.stack = stack;
        this.driver = driver;
        this.projection = projection;
        this.runs = runs;
        this.warmUp = warmUp;
        this.processGuard = processGuard;
    }

    /** Through the npm {@code server-slack}, one process per connection (sending stops at the process guard). */
    BenchRow stdio(PipelineRun.Label label, Load load) {
        restartConsumer(STDIO);
        return runs.measure(label, sampler -> load.send(driver, () -> sampler.liveServers() >= processGuard));
    }

    /** Through the hosted Slack MCP double, one client per connection and no process. */
    Measured remote(HostedSlackMcp hosted, PipelineRun.Label label, int offered, Load load) {
        restartConsumer(REMOTE);
        RemoteRun.Counters before = RemoteRun.Counters.of(hosted);
        BenchRow row = runs.measure(label, sampler -> load.send(driver, () -> sampler.liveServers() >= processGuard));
        long open = stack.consumer().getBean(RemoteMcpSessions.class).openClients();
        RemoteRun remote = before.until(RemoteRun.Counters.of(hosted), offered, open);
        return new Measured(row.withClientHitRate(remote.hitRate()), remote);
    }

    /**
     * A fresh export-consumer on {@code transport}; one Slack export through a connection of its own waits until it
     * has its partitions.
     */
    private void restartConsumer(Map<String, Object> transport) {
        stack.stopConsumer();
        stack.startConsumer(transport);
        projection.awaitTerminal(driver.openLoop(1, 1, n -> warmUp.call(0, n), () -> false).accepted(),
                Duration.ofSeconds(120));
    }
}
