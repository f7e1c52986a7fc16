package com.yarnnn.export.bench;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The raw MCP limit: the same {@code server-filesystem} the folder provider runs, called from one warm SDK client by
 * {@code concurrency} threads for {@code seconds}, each doing what one export does. No Kafka, no database.
 */
final class RawMcpBaseline {

    private RawMcpBaseline() {
    }

    static BenchRow run(Path serversDir, String entry, Path root, int concurrency, int seconds, int warmUpSeconds) {
        Path folder = root.resolve("raw");
        try (ResourceSampler sampler = ResourceSampler.start()) {
            McpSyncClient client = FilesystemServer.start(List.of("node", serversDir.resolve(entry).toString(),
                    root.toString()), serversDir);
            try {
                load(client, folder, concurrency, warmUpSeconds, new ConcurrentLinkedQueue<>());
                ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
                long start = System.nanoTime();
                Map<String, Double> cpu;
                try (CpuAccount account = CpuAccount.start()) {
                    load(client, folder, concurrency, seconds, latencies);
                    cpu = account.since();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                sampler.close();
                return new BenchRow("raw MCP limit", "folder", 1, concurrency + " in flight", latencies.size(),
                        latencies.size() / elapsed, latencies.size(), 0, latencies.size() / elapsed,
                        Percentiles.of(latencies), Double.NaN, Double.NaN, sampler.peaks(), Double.NaN, cpu,
                        "one warm SDK client, create_directory + write_file per export; latency per export");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            } finally {
                client.closeGracefully();
            }
        }
    }

    /** {@code concurrency} threads export for {@code seconds}, each adding its exports' latencies. */
    private static void load(McpSyncClient client, Path folder, int concurrency, int seconds,
            ConcurrentLinkedQueue<Double> latencies) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, new CustomizableThreadFactory("bench-raw-"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < concurrency; t++) {
            threads.execute(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    FilesystemServer.export(client, folder, "raw-" + next.getAndIncrement());
                    latencies.add((System.nanoTime() - began) / 1e6);
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }
}
