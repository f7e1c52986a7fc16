package com.yarnnn.export.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * CPU time spent during a run, by part of the stack: this JVM's threads grouped by their names, its JIT compiler
 * threads (from {@code /proc/self/task}), the rest of the JVM's own work (garbage collector, VM threads: the
 * process's CPU time less all of those), the MCP servers it started and PostgreSQL, from {@code /proc}. Threads are
 * read every 200 ms, so one that ends during the run keeps what it used until its last reading; an MCP server that
 * ends takes its time with it.
 */
final class CpuAccount implements AutoCloseable {

    /** The parts, in the order they are reported, each with the thread names it owns. */
    static final Map<String, Pattern> THREAD_PARTS = parts();
    static final String JIT = "JIT compiler";
    static final String JVM_RUNTIME = "GC + VM";
    static final String OTHER_THREADS = "other threads";
    static final String MCP = "MCP servers";
    static final String DATABASE = "PostgreSQL";

    private static final double TICKS_PER_SECOND = 100;

    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-cpu-account");
        thread.setDaemon(true);
        return thread;
    });
    /** Each thread's part and CPU nanoseconds at the first and at the latest reading. */
    private final Map<Long, ThreadReading> threads = new HashMap<>();
    private final Map<String, Double> processesAtStart;
    private final long processNanosAtStart;

    private CpuAccount() {
        processNanosAtStart = os.getProcessCpuTime();
        processesAtStart = processes();
        readThreads(true);
        timer.scheduleAtFixedRate(() -> readThreads(false), 200, 200, TimeUnit.MILLISECONDS);
    }

    static CpuAccount start() {
        return new CpuAccount();
    }

    /** CPU milliseconds by part since {@link #start()}, in the order of {@link #columns()}. */
    synchronized Map<String, Double> since() {
        readThreads(false);
        Map<String, Double> spent = new HashMap<>();
        threads.values().forEach(t -> spent.merge(t.part(), (t.latest() - t.first()) / 1e6, Double::sum));
        double threadMillis = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        spent.put(JVM_RUNTIME, (os.getProcessCpuTime() - processNanosAtStart) / 1e6 - threadMillis);
        processes().forEach((part, millis) -> spent.put(part, millis - processesAtStart.getOrDefault(part, 0.0)));
        Map<String, Double> ordered = new LinkedHashMap<>();
        columns().forEach(part -> ordered.put(part, Math.max(0, spent.getOrDefault(part, 0.0))));
        return ordered;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private record ThreadReading(String part, long first, long latest) {
    }

    static List<String> columns() {
        List<String> columns = new ArrayList<>(THREAD_PARTS.keySet());
        columns.addAll(List.of(OTHER_THREADS, JIT, JVM_RUNTIME, MCP, DATABASE));
        return columns;
    }

    private static Map<String, Pattern> parts() {
        Map<String, Pattern> parts = new LinkedHashMap<>();
        // the hosted MCP double's Tomcat binds 127.0.0.1, which Tomcat puts in its threads' names; the stack's do not
        parts.put("hosted MCP double", Pattern.compile("http-nio-127\\.0\\.0\\.1-.*"));
        parts.put("api-edge HTTP", Pattern.compile("http-nio-.*"));
        parts.put("delivery", Pattern.compile("export-(worker|retry)-.*|export-(folder|slack|notion|gmail)-\\d+"));
        // the SDK's stdio transport reads, writes and drains stderr on unnamed single-thread executors; Reactor's
        // parallel scheduler times its requests out; the remote transport's shared HTTP client runs remote-mcp-http-*
        parts.put("MCP client", Pattern.compile("pool-\\d+-thread-\\d+|boundedElastic-.*|parallel-.*"
                + "|remote-mcp-http-.*"));
        parts.put("Kafka producers", Pattern.compile("kafka-producer-network-thread.*"));
        parts.put("projection", Pattern.compile("export-projector-.*"));
        parts.put("api-edge live status", Pattern.compile("export-edge-live-.*"));
        parts.put("Kafka broker", Pattern.compile("data-plane-kafka.*|group-coordinator.*|quorum-controller.*"
                + "|kafka-\\d+-.*|kafka-cluster-test-kit.*|executor-.*|LogDirFailureHandler|ExpirationReaper.*"
                + "|transaction-log-manager.*|share-coordinator.*|controller-.*|broker-.*|raft-.*"));
        parts.put("benchmark driver", Pattern.compile("bench-.*|HttpClient-.*|main"));
        return parts;
    }

    /** A thread first seen after the initial reading was started during the run: all its time is the run's. */
    private synchronized void readThreads(boolean initial) {
        for (ThreadInfo info : threadBean.getThreadInfo(threadBean.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threadBean.getThreadCpuTime(info.getThreadId());
            if (nanos >= 0) {
                read(info.getThreadId(), partOf(info.getThreadName()), initial, nanos);
            }
        }
        // compiler threads are not Java threads; negative keys keep them apart from Java thread ids
        ProcessTree.compilerThreads().forEach((tid, ticks) -> read(-tid, JIT, initial,
                (long) (ticks * 1e9 / TICKS_PER_SECOND)));
    }

    private void read(long key, String part, boolean initial, long nanos) {
        threads.merge(key, new ThreadReading(part, initial ? nanos : 0, nanos),
                (known, now) -> new ThreadReading(known.part(), known.first(), now.latest()));
    }

    private static Map<String, Double> processes() {
        Map<String, Double> millis = new HashMap<>();
        ProcessTree.descendants().stream().filter(p -> !p.isDatabase())
                .forEach(p -> millis.merge(MCP, p.cpuTicks() * 1000 / TICKS_PER_SECOND, Double::sum));
        ProcessTree.database().forEach(p -> millis.merge(DATABASE, p.cpuTicks() * 1000 / TICKS_PER_SECOND, Double::sum));
        return millis;
    }

    private static String partOf(String threadName) {
        return THREAD_PARTS.entrySet().stream().filter(e -> e.getValue().matcher(threadName).matches())
                .map(Map.Entry::getKey).findFirst().orElse(OTHER_THREADS);
    }
}
