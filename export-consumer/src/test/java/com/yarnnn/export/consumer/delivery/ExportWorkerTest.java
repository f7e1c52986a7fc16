package com.yarnnn.export.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.failpoint.Failpoints;
import com.yarnnn.export.consumer.breaker.CallBreakers;
import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.connector.kafka.EventSerde;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import io.github.resilience4j.springboot.circuitbreaker.monitoring.health.CircuitBreakersHealthIndicator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The folder worker on the real broker, database and server-filesystem: requests published to the provider's
 * topic end in the status projection and the export folder.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@DirtiesContext
class ExportWorkerTest {

    @TempDir
    static Path exports;

    @DynamicPropertySource
    static void exportRoot(DynamicPropertyRegistry registry) {
        registry.add("yarnnn.providers.folder.root", exports::toString);
    }

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CircuitBreakersHealthIndicator circuitBreakersHealth;
    @Autowired
    Failpoints failpoints;

    @Autowired
    CallBreakers breakers;

    @AfterEach
    void disarm() {
        failpoints.disarmAll();
        breakers.providerBreaker("folder").transitionToClosedState();
    }

    @Test
    void anExportHeldBackByAnOpenBreakerSpendsNoAttemptAndSaysWhyAndUntilWhen() throws Exception {
        breakers.providerBreaker("folder").transitionToOpenState();
        ExportRequested request = request("held");

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

        awaitStatus(request, "RETRYING");
        Map<String, Object> status = status(request);
        assertThat(status).containsEntry("attempt", 0).containsEntry("error_code", "waiting_provider_outage");
        assertThat((String) status.get("error_message")).contains("without using an attempt");
        Duration untilNext = Duration.between(((java.sql.Timestamp) status.get("updated_at")).toInstant(),
                ((java.sql.Timestamp) status.get("next_attempt_at")).toInstant());
        assertThat(untilNext).as("the retry step covering the breaker's 30 s open wait")
                .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        assertThat(jdbc.sql("select count(*) from export_delivery where export_id = ?").param(request.exportId())
                .query(Integer.class).single()).isZero();
        assertThat(logStatuses(request)).isEmpty();
    }

    @Test
    void aRequestIsDeliveredOnceAndEndsSucceeded() throws Exception {
        ExportRequested request = request("reports");

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

        awaitStatus(request, "SUCCEEDED");
        Map<String, Object> status = status(request);
        assertThat(status).containsEntry("attempt", 1);
        Path file = Path.of(java.net.URI.create((String) status.get("external_url")));
        assertThat(file).startsWith(exports.resolve("reports"));
        assertThat(Files.readString(file)).endsWith("# Quarterly review\n\nAll **good**.\n");
        assertThat(logStatuses(request)).containsExactly("SUCCEEDED");
        assertThat(circuitBreakersHealth.health().getDetails()).containsKey("provider-folder");
    }

    @Test
    void aRedeliveredRequestReEmitsItsOutcomeWithoutDeliveringAgain() throws Exception {
        ExportRequested request = request("again");
        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();
        awaitStatus(request, "SUCCEEDED");

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();
        ExportRequested marker = request("again");
        kafka.send(Topics.requested("folder"), marker.partitionKey(), marker).get();
        awaitStatus(marker, "SUCCEEDED");

        assertThat(claims(request)).isEqualTo(1);
        assertThat(logStatuses(request)).containsExactly("SUCCEEDED");
        try (var files = Files.list(exports.resolve("again"))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aDatabaseFailureAfterTheProviderAnsweredIsRetriedInPlaceWithoutCallingTheProviderAgain() throws Exception {
        assertRecordedOnceDespite("consumer-after-provider-call", "after-provider");
    }

    @Test
    void aBrokerFailureBeforeTheOutcomeIsPublishedIsRetriedInPlaceWithoutCallingTheProviderAgain() throws Exception {
        assertRecordedOnceDespite("consumer-before-outcome-publish", "before-publish");
    }

    @Test
    void aProjectorFailingMidBatchLogsTheOutcomeOnceWhenItIsReadAgain() throws Exception {
        assertRecordedOnceDespite("projector-mid-batch", "projector");
    }

    /** Each claim is one call of the provider: one claim, attempt 1 and one SUCCEEDED entry mean it was called once. */
    private void assertRecordedOnceDespite(String failpoint, String destination) throws Exception {
        failpoints.arm(failpoint, "error:3");
        ExportRequested request = request(destination);

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

        awaitStatus(request, "SUCCEEDED");
        assertThat(claims(request)).isEqualTo(1);
        assertThat(status(request)).containsEntry("attempt", 1);
        assertThat(logStatuses(request)).containsExactly("SUCCEEDED");
        assertThat(jdbc.sql("select state from export_delivery where export_id = ?").param(request.exportId())
                .query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void aDestinationOutsideTheRootFailsAtOnceWithTheReason() throws Exception {
        ExportRequested request = request("../escape");

        kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

        awaitStatus(request, "FAILED");
        assertThat(status(request)).containsEntry("error_code", "destination_invalid").containsEntry("attempt", 1);
        assertThat((String) status(request).get("error_message")).contains("not allowed");
        assertThat(logStatuses(request)).containsExactly("FAILED");
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndDoesNotBlockItsPartition() throws Exception {
        ExportRequested after = request("after-poison");
        String poison = "{\"exportId\": \"not-a-uuid\", \"content\": 42";
        try (KafkaConsumer<String, byte[]> deadLetters = deadLetterConsumer()) {
            kafka.execute(producer -> producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    Topics.requested("folder"), after.partitionKey(), (Object) poison))).get();
            kafka.send(Topics.requested("folder"), after.partitionKey(), after).get();

            awaitStatus(after, "SUCCEEDED");
            List<ConsumerRecord<String, byte[]>> parked = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("not-a-uuid"));
            });
        }
    }

    private KafkaConsumer<String, byte[]> deadLetterConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.forTests().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.deadLetter("folder")));
        return consumer;
    }

    private void awaitStatus(ExportRequested request, String expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select status from export_status where export_id = ?")
                .param(request.exportId()).query(String.class).optional().filter(expected::equals).isPresent());
    }

    private Map<String, Object> status(ExportRequested request) {
        return jdbc.sql("select * from export_status where export_id = ?").param(request.exportId()).query().singleRow();
    }

    private List<String> logStatuses(ExportRequested request) {
        return jdbc.sql("select status from export_log where export_id = ? order by occurred_at")
                .param(request.exportId()).query(String.class).list();
    }

    private int claims(ExportRequested request) {
        return jdbc.sql("select claims from export_delivery where export_id = ?").param(request.exportId())
                .query(Integer.class).single();
    }

    private static ExportRequested request(String destination) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "folder", null, destination, null, UUID.randomUUID(), "Quarterly review",
                "All **good**.", ExportTrigger.MANUAL, 1, Instant.now());
    }
}
