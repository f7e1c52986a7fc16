package com.yarnnn.export.bench;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples memory every 100 ms during a run: the JVM's heap and RSS, the RSS of the MCP servers it started (every
 * descendant but the embedded PostgreSQL, launchers included), which server processes appeared, and how many
 * servers and child processes lived at once.
 */
final class ResourceSampler implements AutoCloseable {

    /**
     * The peaks of a run; {@code mcpStarted} counts server processes first seen during it, {@code childrenMax} the
     * most descendants but PostgreSQL alive at once (launchers included).
     */
    record Peaks(double heapMb, double jvmRssMb, double mcpRssMb, double totalRssMb, int mcpStarted, int mcpLiveMax,
            int mcpLiveAtEnd, int childrenMax) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-resource-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Long> seenBefore;
    private final Set<Long> started = new HashSet<>();
    private long heapPeak;
    private long jvmRssPeakKb;
    private long mcpRssPeakKb;
    private long totalRssPeakKb;
    private int liveMax;
    private int childrenMax;
    private volatile int live;

    private ResourceSampler() {
        seenBefore = new HashSet<>(ProcessTree.descendants().stream().filter(ProcessTree.Member::isMcpServer)
                .map(ProcessTree.Member::pid).toList());
        sample();
        timer.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
    }

    static ResourceSampler start() {
        return new ResourceSampler();
    }

    /** MCP servers alive at the last sample. */
    int liveServers() {
        return live;
    }

    synchronized Peaks peaks() {
        return new Peaks(heapPeak / 1048576.0, jvmRssPeakKb / 1024.0, mcpRssPeakKb / 1024.0, totalRssPeakKb / 1024.0,
                started.size(), liveMax, live, childrenMax);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }

    private synchronized void sample() {
        long jvm = ProcessTree.selfRssKb();
        List<ProcessTree.Member> children = ProcessTree.descendants().stream().filter(m -> !m.isDatabase()).toList();
        long mcp = children.stream().mapToLong(ProcessTree.Member::rssKb).sum();
        List<Long> servers = children.stream().filter(ProcessTree.Member::isMcpServer).map(ProcessTree.Member::pid).toList();
        servers.stream().filter(pid -> !seenBefore.contains(pid)).forEach(started::add);
        live = servers.size();
        liveMax = Math.max(liveMax, live);
        childrenMax = Math.max(childrenMax, children.size());
        heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        jvmRssPeakKb = Math.max(jvmRssPeakKb, jvm);
        mcpRssPeakKb = Math.max(mcpRssPeakKb, mcp);
        totalRssPeakKb = Math.max(totalRssPeakKb, jvm + mcp);
    }
}
