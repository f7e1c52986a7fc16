package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads a provider's dead-letter topic from the start to its current end, without a consumer group (browsing
 * moves no offsets), and tells each record's export status from the projection.
 */
@Component
class DeadLetterBrowser {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final JdbcClient jdbc;

    DeadLetterBrowser(KafkaProperties kafka, JdbcClient jdbc) {
        this.kafka = kafka;
        this.jdbc = jdbc;
    }

    /** A parked record: what the operator sees, and the request to send again when it could be read. */
    record Parked(DeadLetterEntry entry, Optional<ExportRequested> request) {
    }

    List<Parked> list(String provider, Predicate<DeadLetterEntry> filter) {
        List<Parked> parked = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(provider)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        parked.add(read(provider, record));
                    }
                }
            }
        }
        withStatuses(parked);
        return parked.stream().filter(p -> filter.test(p.entry())).toList();
    }

    Optional<Parked> find(String provider, int partition, long offset) {
        return list(provider, e -> e.partition() == partition && e.offset() == offset).stream().findFirst();
    }

    private Parked read(String provider, ConsumerRecord<String, byte[]> record) {
        Optional<ExportRequested> request = parse(record.value());
        DeadLetterEntry entry = new DeadLetterEntry(provider, record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), request.map(ExportRequested::exportId).orElse(null),
                request.map(ExportRequested::userId).orElse(null),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), header(record, ExportHeaders.FIRST_FAILURE), null);
        return new Parked(entry, request);
    }

    private void withStatuses(List<Parked> parked) {
        List<UUID> ids = parked.stream().map(p -> p.entry().exportId()).filter(java.util.Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, ExportState> statuses = new HashMap<>();
        jdbc.sql("select export_id, status from export_status where export_id in (:ids)").param("ids", ids)
                .query((rs, row) -> statuses.put(rs.getObject("export_id", UUID.class),
                        ExportState.valueOf(rs.getString("status"))))
                .list();
        parked.replaceAll(p -> new Parked(withStatus(p.entry(), statuses.get(p.entry().exportId())), p.request()));
    }

    private static DeadLetterEntry withStatus(DeadLetterEntry e, ExportState status) {
        return new DeadLetterEntry(e.provider(), e.partition(), e.offset(), e.parkedAt(), e.exportId(), e.userId(),
                e.cause(), e.firstFailure(), status);
    }

    private static Optional<ExportRequested> parse(byte[] value) {
        try {
            return Optional.of(EventJson.mapper().readValue(value, ExportRequested.class));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header != null ? new String(header.value(), StandardCharsets.UTF_8) : null;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> properties = kafka.buildConsumerProperties();
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
