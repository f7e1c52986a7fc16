package com.yarnnn.export.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Kafka cluster and PostgreSQL database the pipeline runs on. Real ones are used when the environment
 * names them ({@code KAFKA_BOOTSTRAP_SERVERS}; {@code DATABASE_URL}, {@code DATABASE_USERNAME},
 * {@code DATABASE_PASSWORD}); otherwise this process starts them.
 */
public final class Infrastructure implements AutoCloseable {

    private static Infrastructure shared;

    private final KafkaEndpoint kafka;
    private final DatabaseEndpoint database;

    private Infrastructure(KafkaEndpoint kafka, DatabaseEndpoint database) {
        this.kafka = kafka;
        this.database = database;
    }

    /** For the local stack: the environment's, else an embedded broker and an embedded PostgreSQL. */
    public static Infrastructure startLocal(Function<String, String> env) {
        return new Infrastructure(
                env.apply("KAFKA_BOOTSTRAP_SERVERS") != null
                        ? KafkaEndpoint.external(env.apply("KAFKA_BOOTSTRAP_SERVERS")) : EmbeddedKafka.start(),
                env.apply("DATABASE_URL") != null ? external(env) : EmbeddedDatabase.start());
    }

    /**
     * For tests, one per JVM: the environment's, else containers when Docker answers, else embedded.
     * Stopped when the JVM exits.
     */
    public static synchronized Infrastructure forTests() {
        if (shared == null) {
            Function<String, String> env = System::getenv;
            boolean docker = (env.apply("KAFKA_BOOTSTRAP_SERVERS") == null || env.apply("DATABASE_URL") == null)
                    && ContainerInfrastructure.available();
            shared = new Infrastructure(
                    env.apply("KAFKA_BOOTSTRAP_SERVERS") != null
                            ? KafkaEndpoint.external(env.apply("KAFKA_BOOTSTRAP_SERVERS"))
                            : docker ? ContainerInfrastructure.kafka() : EmbeddedKafka.start(),
                    env.apply("DATABASE_URL") != null ? external(env)
                            : docker ? ContainerInfrastructure.database() : EmbeddedDatabase.start());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "infrastructure-shutdown"));
        }
        return shared;
    }

    public KafkaEndpoint kafka() {
        return kafka;
    }

    public DatabaseEndpoint database() {
        return database;
    }

    /** The Spring properties that point an application at this infrastructure. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        return properties;
    }

    @Override
    public void close() {
        kafka.close();
        database.close();
    }

    private static DatabaseEndpoint external(Function<String, String> env) {
        return DatabaseEndpoint.external(env.apply("DATABASE_URL"), env.apply("DATABASE_USERNAME"),
                env.apply("DATABASE_PASSWORD"));
    }
}
