package com.yarnnn.export.edge.export;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/** Kafka wiring of the export publisher. */
@Configuration
class ExportKafkaConfiguration {

    /** Logs failed sends without the record: an event carries the deliverable's whole content. */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
