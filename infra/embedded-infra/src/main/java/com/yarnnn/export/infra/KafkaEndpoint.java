package com.yarnnn.export.infra;

/** A Kafka cluster to use, and how to stop it when this process started it. */
public interface KafkaEndpoint extends AutoCloseable {

    String bootstrapServers();

    String description();

    @Override
    void close();

    /** A cluster this process does not own. */
    static KafkaEndpoint external(String bootstrapServers) {
        return new KafkaEndpoint() {
            public String bootstrapServers() {
                return bootstrapServers;
            }

            public String description() {
                return "Kafka at " + bootstrapServers;
            }

            public void close() {
            }
        };
    }
}
