package com.yarnnn.export.bench;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seed design's way: a synchronous export that starts a fresh server with {@code npx -y} (resolved from the
 * pinned install, so no download is timed), makes the handshake, writes the file and stops the server. One at a time.
 */
final class SeedBaseline {

    private SeedBaseline() {
    }

    static BenchRow run(Path serversDir, Path root, int exports) {
        Path folder = root.resolve("seed");
        List<Double> latencies = new ArrayList<>();
        try (ResourceSampler sampler = ResourceSampler.start()) {
            long start = System.nanoTime();
            for (int i = 0; i < exports; i++) {
                long began = System.nanoTime();
                McpSyncClient client = FilesystemServer.start(
                        List.of("npx", "-y", "@modelcontextprotocol/server-filesystem", root.toString()), serversDir);
                try {
                    FilesystemServer.export(client, folder, "seed-" + i);
                } finally {
                    client.closeGracefully();
                }
                latencies.add((System.nanoTime() - began) / 1e6);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            sampler.close();
            return new BenchRow("seed design", "folder", 1, "1 in flight", exports, exports / elapsed, exports, 0,
                    exports / elapsed, Percentiles.of(latencies), Double.NaN, Double.NaN, sampler.peaks(), Double.NaN, Map.of(),
                    "npx -y server per export (start + handshake + 2 calls + stop); latency per export");
        }
    }
}
