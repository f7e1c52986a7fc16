package com.yarnnn.export.edge.outbox;

import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** An event held in the outbox until Kafka acknowledged it; {@code id} is its outbox row (the event's own id). */
record OutboxEvent(UUID id, ProducerRecord<String, Object> record) {
}
