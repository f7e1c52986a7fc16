package com.yarnnn.export.consumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/** The export workers (one consumer group per provider) and the outcome projector. */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource({"classpath:pipeline-defaults.properties", "classpath:export-consumer.properties"})
public class ExportConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExportConsumerApplication.class, args);
    }
}
