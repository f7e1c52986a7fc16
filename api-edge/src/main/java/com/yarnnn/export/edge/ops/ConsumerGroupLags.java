package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * The lag of the pipeline's consumer groups — each provider's workers and retry consumers, the projector, and
 * api-edge's approval listener — read with Kafka's Admin client: on each partition a group has committed on, the end
 * offset minus the committed one.
 */
@Component
class ConsumerGroupLags {

    /**
     * @param state      the group's state as the broker tells it (STABLE, EMPTY, DEAD for one never started, …)
     * @param members    consumers in the group now
     * @param partitions partitions the group has committed on
     * @param lag        records on those partitions not committed yet
     */
    record GroupLag(String group, String state, int members, int partitions, long lag) {
    }

    private static final int TIMEOUT_MS = 5_000;

    private final KafkaProperties kafka;
    private final KnownProviders providers;

    ConsumerGroupLags(KafkaProperties kafka, KnownProviders providers) {
        this.kafka = kafka;
        this.providers = providers;
    }

    List<GroupLag> all() {
        List<String> groups = groups();
        try (Admin admin = Admin.create(adminProperties())) {
            DescribeConsumerGroupsResult described = admin.describeConsumerGroups(groups);
            ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(groups.stream()
                    .collect(Collectors.toMap(Function.identity(), group -> new ListConsumerGroupOffsetsSpec())));
            Map<String, ConsumerGroupDescription> descriptions = new HashMap<>();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (String group : groups) {
                descriptions.put(group, unlessUnknown(described.describedGroups().get(group), null));
                committed.put(group, unlessUnknown(offsets.partitionsToOffsetAndMetadata(group), Map.of()));
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.values().forEach(group -> group.keySet().forEach(p -> latest.put(p, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return groups.stream()
                    .map(group -> lag(group, descriptions.get(group), committed.get(group), ends))
                    .toList();
        } catch (ExecutionException e) {
            throw kafkaFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(e);
        }
    }

    /** A group that never started is unknown to the broker: it has no members and nothing committed. */
    private static <T> T unlessUnknown(KafkaFuture<T> answer, T unknown)
            throws ExecutionException, InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return unknown;
            }
            throw e;
        }
    }

    private static KafkaException kafkaFailure(ExecutionException e) {
        return e.getCause() instanceof KafkaException failure ? failure : new KafkaException(e.getCause());
    }

    private static GroupLag lag(String group, ConsumerGroupDescription description,
            Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        long lag = 0;
        int partitions = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
            if (offset.getValue() != null) {
                lag += Math.max(0, ends.get(offset.getKey()).offset() - offset.getValue().offset());
                partitions++;
            }
        }
        return description == null ? new GroupLag(group, GroupState.DEAD.name(), 0, partitions, lag)
                : new GroupLag(group, description.groupState().name(), description.members().size(), partitions, lag);
    }

    private List<String> groups() {
        List<String> groups = new ArrayList<>();
        providers.all().stream().sorted().forEach(provider -> {
            groups.add(Topics.workerGroup(provider));
            groups.add(Topics.retryGroup(provider));
        });
        groups.add(Topics.PROJECTOR_GROUP);
        groups.add(Topics.AUTO_EXPORT_GROUP);
        return groups;
    }

    private Map<String, Object> adminProperties() {
        Map<String, Object> properties = kafka.buildAdminProperties();
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        return properties;
    }
}
