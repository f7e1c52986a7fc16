package com.yarnnn.export.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.infra.TestInfrastructureInitializer;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The running application on a real Kafka broker and a real PostgreSQL, called over HTTP. Subclasses with
 * no configuration of their own share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yarnnn.auth.jwt-secret=" + TestTokens.SECRET,
        "yarnnn.providers.folder.root=${java.io.tmpdir}/api-edge-test-exports",
        "yarnnn.export.max-content-bytes=" + ApiEdgeIntegrationTest.MAX_CONTENT_BYTES})
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import({FixedClockAndScriptedIds.class, InMemoryConnections.class})
public abstract class ApiEdgeIntegrationTest {

    public static final int MAX_CONTENT_BYTES = 16384;
    public static final String EXPORT_PATH = "/api/integrations/export";
    public static final String FOLDER_TOPIC = Topics.requested("folder");

    @LocalServerPort
    int port;

    @Autowired
    protected ScriptedIds ids;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        ids.reset();
    }

    /**
     * Events are sent after their transaction commits, so a test's last ones may still be on their way when it ends:
     * wait until Kafka acknowledged them (the outbox is empty), so they never land in the next test's topic reads.
     */
    @AfterEach
    void awaitOutboxSent() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from event_outbox").query(Long.class).single() == 0);
    }

    /** The port the application listens on. */
    protected int port() {
        return port;
    }

    protected TopicProbe folderTopic() {
        return new TopicProbe(bootstrapServers, FOLDER_TOPIC);
    }

    /** A valid request body for the folder provider; tests change single fields. */
    protected static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", "folder");
        body.put("destination_id", "reports/weekly");
        body.put("content", "# Weekly report\n\nAll **green**.");
        body.put("title", "Weekly report");
        body.put("deliverable_version_id", UUID.randomUUID().toString());
        body.put("deliverable_id", UUID.randomUUID().toString());
        return body;
    }

    protected static void assertProblem(ApiClient.Response response, int status, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asString()).contains(detailPart);
    }

    /** Publishes an outcome as the pipeline's worker does, keyed by its export. */
    protected void publishOutcome(ExportOutcome outcome) throws Exception {
        kafka.send(Topics.OUTCOMES, outcome.export().exportId().toString(), outcome).get(10, TimeUnit.SECONDS);
    }

    protected long statusRows(UUID userId) {
        return jdbc.sql("select count(*) from export_status where user_id = ?").param(userId).query(Long.class).single();
    }
}
