package com.yarnnn.export.edge;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

/** The public HTTP surface of the export pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:api-edge.properties")
public class ApiEdgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiEdgeApplication.class, args);
    }

    /** Time is injected so that tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Export and event ids are injected so that tests can predict them. */
    @Bean
    IdGenerator idGenerator() {
        return new JdkIdGenerator();
    }
}
