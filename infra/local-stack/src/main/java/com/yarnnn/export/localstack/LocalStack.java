package com.yarnnn.export.localstack;

import com.yarnnn.export.consumer.ExportConsumerApplication;
import com.yarnnn.export.edge.ApiEdgeApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * export-consumer and api-edge as two application contexts in this process, on the same Kafka and PostgreSQL.
 * The consumer can be stopped and started again while api-edge keeps accepting exports.
 */
public final class LocalStack implements AutoCloseable {

    /** The property that sets export-consumer's port; api-edge takes {@code server.port}. */
    public static final String CONSUMER_PORT = "yarnnn.local-stack.consumer-port";

    private final Map<String, Object> properties;
    private ConfigurableApplicationContext consumer;
    private final ConfigurableApplicationContext edge;

    private LocalStack(Map<String, Object> properties) {
        this.properties = Map.copyOf(properties);
        startConsumer();
        this.edge = new SpringApplicationBuilder(ApiEdgeApplication.class).run(arguments(this.properties));
    }

    /** Starts both applications with these properties (Kafka, database, secrets, folders) over their defaults. */
    public static LocalStack start(Map<String, Object> properties) {
        return new LocalStack(properties);
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) edge).getWebServer().getPort();
    }

    /** export-consumer's actuator, e.g. {@code /actuator/prometheus} for the MCP session pool's figures. */
    public synchronized String consumerUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) consumer).getWebServer().getPort();
    }

    public ConfigurableApplicationContext edge() {
        return edge;
    }

    public synchronized ConfigurableApplicationContext consumer() {
        return consumer;
    }

    /** Stops export-consumer gracefully: records in hand are finished, the rest wait on their topics. */
    public synchronized void stopConsumer() {
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
    }

    public synchronized void startConsumer() {
        startConsumer(Map.of());
    }

    /** Starts export-consumer with some properties changed, as after a redeploy with a fixed configuration. */
    public synchronized void startConsumer(Map<String, Object> changes) {
        if (consumer == null) {
            Map<String, Object> consumerProperties = new HashMap<>(properties);
            consumerProperties.putAll(changes);
            // its own port for the actuator (health, Prometheus); 0 picks a free one
            consumerProperties.put("server.port", properties.getOrDefault(CONSUMER_PORT, "0"));
            consumer = new SpringApplicationBuilder(ExportConsumerApplication.class).run(arguments(consumerProperties));
        }
    }

    /** As command-line arguments, so they win over the applications' own defaults. */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Override
    public void close() {
        edge.close();
        stopConsumer();
    }
}
