package com.yarnnn.export.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static com.yarnnn.export.connector.testing.PrometheusScrape.value;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportDeadLettered;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportRetrying;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** {@code /actuator/prometheus} of export-consumer after exports went through the worker and the projector. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yarnnn.providers.folder.root=target/metrics-test-exports")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@DirtiesContext
class PrometheusScrapeTest {

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ThreadPoolTaskScheduler kafkaClientMetricsThread;

    @Test
    void aDeliveredExportShowsItsOutcomeLatencyTheMcpPoolAndTheConsumerLag() throws Exception {
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "folder", null, "metrics", null, UUID.randomUUID(), "Metrics",
                "All **good**.", ExportTrigger.MANUAL, 1, Instant.now());

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(status(request.exportId())));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value(scrape(), "yarnnn_export_latency_seconds_count", Map.of("provider", "folder", "status", "SUCCEEDED")).isPresent());
        String scrape = scrape();
        assertThat(value(scrape, "yarnnn_export_outcomes_total", Map.of("provider", "folder", "status", "SUCCEEDED")))
                .hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_latency_seconds_bucket",
                Map.of("provider", "folder", "status", "SUCCEEDED", "le", "+Inf"))).isPresent();
        assertThat(value(scrape, "yarnnn_mcp_session_starts_total", Map.of("server", "folder"))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_mcp_sessions_live", Map.of("server", "folder"))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_mcp_session_start_seconds_count", Map.of("server", "folder"))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_mcp_session_acquisitions_total", Map.of("server", "folder", "result", "miss")))
                .hasValue(1.0);
        assertThat(value(scrape, "kafka_consumer_fetch_manager_records_lag_max", Map.of())).isPresent();
        // one shared thread (per application context) refreshes every client's metrics, not one thread per client
        // bursting each minute
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("micrometer-kafka-metrics"))
                .anyMatch(name -> name.startsWith("kafka-client-metrics-"));
        assertThat(kafkaClientMetricsThread.getPoolSize()).isEqualTo(1);
    }

    @Test
    void outcomesAreCountedOnceAndLatencyRunsFromAcceptance() throws Exception {
        String provider = "metrics-probe";
        Instant accepted = Instant.parse("2026-11-25T12:00:00Z");
        ExportRef ref = new ExportRef(UUID.randomUUID(), UUID.randomUUID(), provider, "somewhere", null, UUID.randomUUID());
        insertQueued(ref, accepted);
        ExportError unavailable = new ExportError("timeout", "The connector did not answer");
        ExportRetrying retrying = new ExportRetrying(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, 1,
                accepted.plusSeconds(1), unavailable, accepted.plusSeconds(6));
        ExportDeadLettered parked = new ExportDeadLettered(ExportOutcome.SCHEMA_VERSION, UUID.randomUUID(), ref, 2,
                accepted.plusMillis(7500), unavailable, Topics.deadLetter(provider));

        for (ExportOutcome outcome : new ExportOutcome[] {retrying, retrying, parked, parked}) {
            kafka.send(Topics.OUTCOMES, ref.exportId().toString(), outcome).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTERED".equals(status(ref.exportId())));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                value(scrape(), "yarnnn_export_dead_lettered_total", Map.of("provider", provider)).isPresent());
        String scrape = scrape();
        assertThat(value(scrape, "yarnnn_export_retries_total", Map.of("provider", provider))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_dead_lettered_total", Map.of("provider", provider))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_outcomes_total", Map.of("provider", provider, "status", "RETRYING")))
                .hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_errors_total",
                Map.of("provider", provider, "status", "DEAD_LETTERED", "error", unavailable.code()))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_latency_seconds_count",
                Map.of("provider", provider, "status", "DEAD_LETTERED"))).hasValue(1.0);
        assertThat(value(scrape, "yarnnn_export_latency_seconds_sum",
                Map.of("provider", provider, "status", "DEAD_LETTERED"))).hasValue(7.5);
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String status(UUID exportId) {
        return jdbc.sql("select status from export_status where export_id = ?").param(exportId)
                .query(String.class).optional().orElse(null);
    }

    /** As api-edge accepts an export: its QUEUED row, created when the request was made. */
    private void insertQueued(ExportRef ref, Instant accepted) {
        jdbc.sql("""
                        insert into export_status (export_id, user_id, provider, status, attempt, created_at, updated_at)
                        values (?, ?, ?, 'QUEUED', 0, ?, ?)""")
                .params(ref.exportId(), ref.userId(), ref.providerId(), Timestamp.from(accepted), Timestamp.from(accepted))
                .update();
    }
}
