package com.yarnnn.export.localstack;

import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A test class with its own local stack on the tests' Kafka and PostgreSQL, writing into a fresh folder. */
abstract class LocalStackTest {

    static final String SECRET = DevTokens.randomSecret();

    @TempDir
    static Path exports;

    static LocalStack stack;
    static UUID user;
    static StackClient client;
    static JdbcClient jdbc;
    static ExportLog exportLog;

    /** Each test class starts its stack from its {@code @BeforeAll}, with the settings it changes. */
    static void startStack(Map<String, Object> changes) {
        Map<String, Object> properties = new HashMap<>(Infrastructure.forTests().springProperties());
        properties.put("yarnnn.auth.jwt-secret", SECRET);
        properties.put("yarnnn.vault.keys", TestInfrastructureInitializer.TEST_VAULT_KEYS);
        properties.put("yarnnn.providers.folder.root", exports.toString());
        properties.put("server.port", "0");
        properties.putAll(changes);
        stack = LocalStack.start(properties);
        user = UUID.randomUUID();
        client = new StackClient(stack.baseUrl(), SECRET, user);
        jdbc = stack.edge().getBean(JdbcClient.class);
        exportLog = new ExportLog(jdbc);
    }

    /**
     * Settings under which Slack's circuit breakers (provider-wide and per connection) open only after 1,000 calls:
     * in a class whose tests each inject their own faults, one test's failures must not hold the next one's exports.
     */
    static Map<String, Object> breakersThatStayClosed() {
        Map<String, Object> properties = new HashMap<>();
        for (String breakers : List.of("default", "connection")) {
            properties.put("resilience4j.circuitbreaker.configs." + breakers + ".sliding-window-size", "1000");
            properties.put("resilience4j.circuitbreaker.configs." + breakers + ".minimum-number-of-calls", "1000");
        }
        return properties;
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }
}
