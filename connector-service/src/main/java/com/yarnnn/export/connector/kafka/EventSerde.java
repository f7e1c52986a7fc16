package com.yarnnn.export.connector.kafka;

import com.yarnnn.export.schemas.EventJson;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * Events on the wire are plain JSON in the form of {@link EventJson}, without Java type headers, so any
 * language can read them against the JSON Schemas.
 */
public final class EventSerde {

    private EventSerde() {
    }

    public static JacksonJsonSerializer<Object> serializer() {
        return new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo();
    }

    public static <T> JacksonJsonDeserializer<T> deserializer(Class<T> type) {
        return new JacksonJsonDeserializer<T>(type, EventJson.mapper(), false);
    }
}
