package com.yarnnn.export.consumer;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** The export workers (one consumer group per provider) and the outcome projector. */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:export-consumer.properties")
public class ExportConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExportConsumerApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
