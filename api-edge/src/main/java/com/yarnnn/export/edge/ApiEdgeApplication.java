package com.yarnnn.export.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The public HTTP surface of the export pipeline. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource({"classpath:pipeline-defaults.properties", "classpath:api-edge.properties"})
public class ApiEdgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApiEdgeApplication.class, args);
    }
}
