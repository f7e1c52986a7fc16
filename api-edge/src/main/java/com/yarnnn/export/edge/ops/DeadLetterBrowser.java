package com.yarnnn.export.edge.ops;

import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads dead-letter and parking topics from the start to their current end, without a consumer group (browsing
 * moves no offsets), and completes each record from the database ({@link ParkedExportDetails}).
 */
@Component
class DeadLetterBrowser {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafka;
    private final ParkedExportDetails details;

    DeadLetterBrowser(KafkaProperties kafka, ParkedExportDetails details) {
        this.kafka = kafka;
        this.details = details;
    }

    /** A parked record: what the operator sees, and the request to send again when it could be read. */
    record Parked(DeadLetterEntry entry, Optional<ExportRequested> request) {
    }

    List<Parked> list(ParkingTopic kind, String provider, Predicate<DeadLetterEntry> filter) {
        return list(List.of(new ParkingTopic.Source(kind, provider)), filter).get(kind);
    }

    /** The records of every source the filter selects, by kind of topic (an empty list for a kind without any). */
    Map<ParkingTopic, List<Parked>> list(Collection<ParkingTopic.Source> sources, Predicate<DeadLetterEntry> filter) {
        Map<String, ParkingTopic.Source> byTopic = sources.stream()
                .collect(Collectors.toMap(ParkingTopic.Source::topic, source -> source));
        List<Parked> parked = new ArrayList<>();
        List<ParkingTopic> kinds = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(byTopic.keySet())) {
            ParkingTopic.Source source = byTopic.get(record.topic());
            parked.add(read(source.provider(), record));
            kinds.add(source.kind());
        }
        List<DeadLetterEntry> completed = details.complete(parked.stream().map(Parked::entry).toList());
        Map<ParkingTopic, List<Parked>> selected = new EnumMap<>(ParkingTopic.class);
        sources.forEach(source -> selected.put(source.kind(), new ArrayList<>()));
        for (int i = 0; i < parked.size(); i++) {
            if (filter.test(completed.get(i))) {
                selected.get(kinds.get(i)).add(new Parked(completed.get(i), parked.get(i).request()));
            }
        }
        return selected;
    }

    Optional<Parked> find(ParkingTopic kind, String provider, int partition, long offset) {
        return list(kind, provider, e -> e.partition() == partition && e.offset() == offset).stream().findFirst();
    }

    private List<ConsumerRecord<String, byte[]>> records(Collection<String> topics) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static Parked read(String provider, ConsumerRecord<String, byte[]> record) {
        Optional<ExportRequested> request = parse(record.value());
        DeadLetterEntry entry = new DeadLetterEntry(provider, record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), request.map(ExportRequested::exportId).orElse(null),
                request.map(ExportRequested::userId).orElse(null),
                request.map(ExportRequested::destinationId).orElse(null), null, null, null, null,
                header(record, ExportHeaders.FIRST_FAILURE), header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), null);
        return new Parked(entry, request);
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
