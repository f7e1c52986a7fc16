package com.yarnnn.export.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.Infrastructure;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.ExportHeaders;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A provider whose MCP server cannot start: every attempt fails, the request moves through the retry topics, then it
 * is parked for replay with its key, value and first failure.
 */
@SpringBootTest(properties = {
        "yarnnn.providers.folder.root=target/dead-lettering-exports",
        "yarnnn.providers.folder.entry=node_modules/not-installed/index.js",
        "yarnnn.delivery.retry-delays=100ms,200ms"})
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@DirtiesContext
class DeadLetteringTest {

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    JdbcClient jdbc;

    @Test
    void retriesThenDeadLettersWithTheRequestIntactAndTheReasonVisible() throws Exception {
        ExportRequested request = new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "folder", null, "reports", null, UUID.randomUUID(), "Title",
                "Body", ExportTrigger.MANUAL, 1, Instant.now());

        try (KafkaConsumer<String, String> deadLetters = deadLetterConsumer()) {
            kafka.send(Topics.requested("folder"), request.partitionKey(), request).get();

            await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTERED".equals(status(request).get("status")));
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(parked::add);
                return parked.stream().anyMatch(r -> r.value().contains(request.exportId().toString()));
            });

            ConsumerRecord<String, String> record = parked.stream()
                    .filter(r -> r.value().contains(request.exportId().toString())).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(request.partitionKey());
            assertThat(EventJson.mapper().readValue(record.value(), ExportRequested.class)).isEqualTo(request);
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.retry("folder", 2));
            assertThat(header(record, ExportHeaders.FIRST_FAILURE)).startsWith("server_unavailable: ");
            assertThat(header(record, ExportHeaders.EXPORT_ID)).isEqualTo(request.exportId().toString());
        }
        assertThat(status(request)).containsEntry("attempt", 3).containsEntry("error_code", "server_unavailable");
        assertThat((String) status(request).get("error_message")).isEqualTo("The Folder connector is unavailable (server_unavailable)");
        assertThat(jdbc.sql("select status from export_log where export_id = ? order by occurred_at, attempt")
                .param(request.exportId()).query(String.class).list())
                .containsExactly("RETRYING", "RETRYING", "DEAD_LETTERED");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> status(ExportRequested request) {
        return jdbc.sql("select * from export_status where export_id = ?").param(request.exportId()).query()
                .listOfRows().stream().findFirst().orElse(Map.of());
    }

    private KafkaConsumer<String, String> deadLetterConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.forTests().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.deadLetter("folder")));
        return consumer;
    }
}
