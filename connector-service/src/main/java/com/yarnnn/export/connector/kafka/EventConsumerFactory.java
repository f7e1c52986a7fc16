package com.yarnnn.export.connector.kafka;

import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * A consumer factory for one event type: string keys, the event JSON read by {@link EventSerde} behind an
 * {@link ErrorHandlingDeserializer} (an unreadable record reaches the error handler instead of stopping the
 * consumer), and Boot's customizers applied, which bind the consumers' metrics (lag) to Micrometer.
 */
public final class EventConsumerFactory {

    private EventConsumerFactory() {
    }

    public static <T> DefaultKafkaConsumerFactory<String, T> create(Map<String, Object> properties, Class<T> type,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        return customized(new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventSerde.deserializer(type))), customizers);
    }

    /** Values left as bytes, for a consumer that reads only some of its events. */
    public static DefaultKafkaConsumerFactory<String, byte[]> unparsed(Map<String, Object> properties,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        return customized(new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer()), customizers);
    }

    private static <T> DefaultKafkaConsumerFactory<String, T> customized(DefaultKafkaConsumerFactory<String, T> factory,
            ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers) {
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }
}
