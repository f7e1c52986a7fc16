package com.yarnnn.export.consumer.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.FaultyDatabaseInitializer;
import com.yarnnn.export.infra.FaultyTcpProxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * export-consumer's probes while PostgreSQL becomes unreachable (its connections go through a proxy the test cuts):
 * readiness is DOWN until the database is back, liveness stays UP throughout. Its own context, closed after it: its
 * consumer groups must not outlive it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yarnnn.providers.folder.root=target/readiness-test-exports")
@ContextConfiguration(initializers = FaultyDatabaseInitializer.class)
@DirtiesContext
class ReadinessTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final FaultyTcpProxy database = FaultyDatabaseInitializer.proxy();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void restoreDatabase() {
        database.restore();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndLivenessStaysUp() {
        JsonNode ready = health("readiness", 200);
        assertThat(ready.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(ready.path("components").path("kafka").path("status").asString()).isEqualTo("UP");

        database.cut();

        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(health("readiness", 503).path("components").path("db").path("status").asString())
                        .isEqualTo("DOWN"));
        assertThat(health("liveness", 200).path("status").asString()).isEqualTo("UP");

        database.restore();

        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(health("readiness", 200).path("status").asString()).isEqualTo("UP"));
        assertThat(health("liveness", 200).path("status").asString()).isEqualTo("UP");
    }

    private JsonNode health(String group, int expectedStatus) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/" + group)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
