package com.yarnnn.export.localstack;

import com.yarnnn.export.schemas.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Records that export-consumer's groups — the providers' workers and retry consumers, and the projector — have not
 * committed past yet: zero means everything sent so far, copies the outbox sent again included, has been handled, so
 * the next fault starts on a quiet pipeline. Counts the partitions each group has committed on; the test's exports
 * reach those from the first row on. (api-edge's live-status groups never commit, so they are not counted.)
 */
final class ConsumerGroupLag implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups = new ArrayList<>();

    ConsumerGroupLag(String bootstrapServers, List<String> providers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        providers.forEach(provider -> {
            groups.add(Topics.workerGroup(provider));
            groups.add(Topics.retryGroup(provider));
        });
        groups.add(Topics.PROJECTOR_GROUP);
    }

    long total() throws ExecutionException, InterruptedException {
        long lag = 0;
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
            }
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
