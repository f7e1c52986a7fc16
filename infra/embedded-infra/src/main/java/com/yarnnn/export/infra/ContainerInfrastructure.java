package com.yarnnn.export.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in containers, for tests on machines where a Docker engine answers. */
final class ContainerInfrastructure {

    private ContainerInfrastructure() {
    }

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (NoClassDefFoundError | RuntimeException absent) {
            return false;
        }
    }

    static KafkaEndpoint kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.2")
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", String.valueOf(4 * 1024 * 1024));
        kafka.start();
        return new KafkaEndpoint() {
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            public String description() {
                return "Kafka container at " + bootstrapServers();
            }

            public void close() {
                kafka.stop();
            }
        };
    }

    static DatabaseEndpoint database() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
        postgres.start();
        return new DatabaseEndpoint() {
            public String jdbcUrl() {
                return postgres.getJdbcUrl();
            }

            public String username() {
                return postgres.getUsername();
            }

            public String password() {
                return postgres.getPassword();
            }

            public String description() {
                return "PostgreSQL container at " + jdbcUrl();
            }

            public void close() {
                postgres.stop();
            }
        };
    }
}
