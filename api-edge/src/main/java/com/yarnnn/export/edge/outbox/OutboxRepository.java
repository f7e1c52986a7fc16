package com.yarnnn.export.edge.outbox;

import com.yarnnn.export.schemas.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The {@code event_outbox} table, api-edge's alone. Events are stored as the JSON they are sent as; the relay sends a
 * stored one as that JSON tree, so it needs no knowledge of the event's type.
 */
@Repository
class OutboxRepository {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Times are the database's, so every api-edge instance (and a test's fixed clock) agrees on an event's age. */
    void insert(OutboxEvent event) {
        ProducerRecord<String, Object> record = event.record();
        jdbc.sql("""
                        insert into event_outbox (id, topic, record_key, payload, headers, created_at)
                        values (:id, :topic, :key, :payload, cast(:headers as jsonb), now())""")
                .param("id", event.id())
                .param("topic", record.topic())
                .param("key", record.key())
                .param("payload", EventJson.mapper().writeValueAsString(record.value()))
                .param("headers", headers(record))
                .update();
    }

    void delete(Collection<UUID> ids) {
        jdbc.sql("delete from event_outbox where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /**
     * Locks up to {@code limit} events older than {@code age} that no other relay holds, oldest first; the locks
     * last until the caller's transaction ends.
     */
    List<OutboxEvent> lockUnsent(Duration age, int limit) {
        return jdbc.sql("""
                        select id, topic, record_key, payload, headers::text as headers from event_outbox
                         where created_at < clock_timestamp() - make_interval(secs => :ageSeconds) order by created_at limit :limit for update skip locked""")
                .param("ageSeconds", age.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, row) -> new OutboxEvent(rs.getObject("id", UUID.class),
                        record(rs.getString("topic"), rs.getString("record_key"), rs.getString("payload"),
                                rs.getString("headers"))))
                .list();
    }

    private static ProducerRecord<String, Object> record(String topic, String key, String payload, String headers) {
        JsonNode value = EventJson.mapper().readTree(payload);
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
        if (headers != null) {
            EventJson.mapper().readValue(headers, HEADERS).forEach((name, text) ->
                    record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private static String headers(ProducerRecord<String, Object> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers.isEmpty() ? null : EventJson.mapper().writeValueAsString(headers);
    }
}
