package com.yarnnn.export.edge;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic's end offsets and the records after them with a plain consumer, outside the application. */
public class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    public TopicProbe(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config);
        this.partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    public long recordCount() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Every record written since {@code before} was taken, once at least {@code expected} are there (events are
     * published after their transaction commits, so they may arrive just after the answer).
     */
    public List<ConsumerRecord<String, String>> recordsSince(Map<TopicPartition, Long> before, int expected) {
        long start = before.values().stream().mapToLong(Long::longValue).sum();
        await().atMost(Duration.ofSeconds(30)).until(() -> recordCount() - start >= expected);
        long written = recordCount() - start;
        consumer.assign(partitions);
        before.forEach(consumer::seek);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            return records.size() >= written;
        });
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
