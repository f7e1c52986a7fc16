package com.yarnnn.export.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The topics' settings as the {@code yarnnn.kafka.*} properties configure them, and their defaults. */
class PipelineTopicsTest {

    @Test
    void withoutSettingsTopicsHaveSixPartitionsOneReplicaAWeekAndDeadLettersAMonth() {
        PipelineTopics topics = new PipelineTopics(bind(Map.of()));

        NewTopic requests = topics.ofProvider("slack", "exports.requested.slack");
        NewTopic deadLetters = topics.deadLetterOfProvider("slack", "exports.requested.slack.dlt");

        assertThat(requests.numPartitions()).isEqualTo(6);
        assertThat(requests.replicationFactor()).isEqualTo((short) 1);
        assertThat(requests.configs()).containsEntry("min.insync.replicas", "1")
                .containsEntry("retention.ms", "604800000").containsEntry("max.message.bytes", "4194304");
        assertThat(deadLetters.configs()).containsEntry("retention.ms", "2592000000");
    }

    @Test
    void replicatedThreeTimesAWriteNeedsTwoInSyncReplicasByDefault() {
        NewTopic outcomes = new PipelineTopics(bind(Map.of("yarnnn.kafka.replication-factor", "3")))
                .shared("export.outcomes");

        assertThat(outcomes.replicationFactor()).isEqualTo((short) 3);
        assertThat(outcomes.configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void eachSettingIsTakenFromItsProperty() {
        PipelineTopics topics = new PipelineTopics(bind(Map.of(
                "yarnnn.kafka.partitions", "4",
                "yarnnn.kafka.provider-partitions.slack", "12",
                "yarnnn.kafka.replication-factor", "5",
                "yarnnn.kafka.min-insync-replicas", "3",
                "yarnnn.kafka.retention", "3d",
                "yarnnn.kafka.dead-letter-retention", "90d")));

        assertThat(topics.ofProvider("slack", "exports.requested.slack.retry-1").numPartitions()).isEqualTo(12);
        assertThat(topics.deadLetterOfProvider("slack", "exports.requested.slack.parked").numPartitions())
                .isEqualTo(12);
        assertThat(topics.ofProvider("folder", "exports.requested.folder").numPartitions()).isEqualTo(4);
        assertThat(topics.shared("export.outcomes").configs()).containsEntry("min.insync.replicas", "3")
                .containsEntry("retention.ms", String.valueOf(3L * 24 * 3600 * 1000));
        assertThat(topics.sharedDeadLetter("deliverable.approved.dlt").configs())
                .containsEntry("retention.ms", String.valueOf(90L * 24 * 3600 * 1000));
        assertThat(topics.sharedDeadLetter("deliverable.approved.dlt").replicationFactor()).isEqualTo((short) 5);
    }

    @Test
    void moreInSyncReplicasThanReplicasIsRefusedAtStart() {
        assertThatThrownBy(() -> bind(Map.of("yarnnn.kafka.replication-factor", "3",
                "yarnnn.kafka.min-insync-replicas", "4")))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("yarnnn.kafka.min-insync-replicas must be between 1 and the replication factor 3,"
                        + " not 4");
    }

    private static PipelineKafkaProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("yarnnn.kafka", PipelineKafkaProperties.class);
    }
}
