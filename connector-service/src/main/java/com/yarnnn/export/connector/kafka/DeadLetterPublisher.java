package com.yarnnn.export.connector.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Sets records aside on a dead-letter topic: an unreadable one as the bytes it arrived as, a parsed one as its event JSON. */
public final class DeadLetterPublisher {

    private DeadLetterPublisher() {
    }

    public static DeadLetterPublishingRecoverer to(KafkaProperties kafka, KafkaTemplate<String, Object> events,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                kafka.buildProducerProperties(), new StringSerializer(), new ByteArraySerializer())));
        templates.put(Object.class, events);
        return new DeadLetterPublishingRecoverer(templates, destination);
    }
}
