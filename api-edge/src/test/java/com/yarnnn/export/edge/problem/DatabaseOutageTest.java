package com.yarnnn.export.edge.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.infra.FaultyDatabaseInitializer;
import com.yarnnn.export.infra.FaultyTcpProxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL becomes unreachable while api-edge runs (its connections go through a proxy the test cuts): every route
 * that needs the database answers 503 with a Retry-After, the OAuth callback still redirects, readiness goes DOWN
 * while liveness stays UP, and all of it recovers once the database is back. Connections are stored in PostgreSQL
 * here, as deployed. Its own context, closed after it: its consumers must not outlive it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yarnnn.auth.jwt-secret=" + TestTokens.SECRET,
        "yarnnn.providers.folder.root=${java.io.tmpdir}/api-edge-test-exports",
        "yarnnn.public-base-url=https://yarnnn.test",
        "spring.security.oauth2.client.registration.slack.client-id=outage-test-client",
        "spring.security.oauth2.client.registration.slack.client-secret=outage-test-client-secret"})
@ContextConfiguration(initializers = FaultyDatabaseInitializer.class)
@Import(FixedClockAndScriptedIds.class)
@DirtiesContext
class DatabaseOutageTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final FaultyTcpProxy database = FaultyDatabaseInitializer.proxy();
    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);
    private final UUID deliverable = UUID.randomUUID();
    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @AfterEach
    void restoreDatabase() {
        database.restore();
    }

    @Test
    void routesAnswer503WithRetryAfterWhileTheDatabaseIsUnreachableAndWorkAgainAfter() {
        String exportId = queueExport();
        String preferencesPath = "/api/deliverables/" + deliverable + "/export-preferences";
        ApiClient.Response saved = api.postJson(preferencesPath, token, folderPreference(), Map.of());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String preferenceId = saved.json().path("id").asString();
        String oauthState = oauthState();

        database.cut();

        Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
        answers.put("status", api.get("/api/exports/" + exportId, token));
        answers.put("status stream", api.get("/api/exports/" + exportId + "/events", token,
                Map.of("Accept", "text/event-stream")));
        answers.put("history", api.get("/api/exports", token));
        answers.put("deliverable history", api.get("/api/deliverables/" + deliverable + "/exports", token));
        answers.put("preferences", api.get(preferencesPath, token));
        answers.put("save preference", api.postJson(preferencesPath, token, folderPreference(), Map.of()));
        answers.put("delete preference", api.delete(preferencesPath + "/" + preferenceId, token));
        answers.put("connections", api.get("/api/integrations/connected", token));
        answers.put("disconnect", api.delete("/api/integrations/slack", token));
        answers.put("oauth start", api.get("/api/integrations/slack/oauth/start", token));
        answers.put("owner retry", api.postJson("/api/exports/" + exportId + "/retry", token, Map.of(), Map.of()));
        ApiClient.Response export = api.postJson(ApiEdgeIntegrationTest.EXPORT_PATH, token, exportBody(),
                Map.of("Idempotency-Key", "outage-" + UUID.randomUUID()));
        answers.put("export", export);
        ApiClient.Response callback = api.get("/api/integrations/slack/oauth/callback?code=vendor-code&state="
                + oauthState, null);

        answers.forEach(DatabaseOutageTest::assertUnavailable);
        assertThat(answers.get("status").json().path("detail").asString())
                .isEqualTo("The database is unavailable right now. Try again in a few seconds.");
        assertThat(answers.get("save preference").json().path("detail").asString())
                .isEqualTo("The database is unavailable right now, so the request may not have been carried out. "
                        + "Try again in a few seconds.");
        assertThat(export.json().path("detail").asString())
                .endsWith("a retry with the same Idempotency-Key never creates a second export.");
        assertThat(callback.status()).as("the callback still sends the browser back to Settings").isEqualTo(302);
        assertThat(callback.header("Location")).startsWith("https://yarnnn.test/settings/integrations?")
                .contains("error=server_error");

        database.restore();

        await().atMost(RECOVERY).untilAsserted(() ->
                assertThat(api.get("/api/exports/" + exportId, token).status()).isEqualTo(200));
        assertThat(ids(api.get("/api/exports", token), "exports", "export_id")).containsExactly(exportId);
        assertThat(ids(api.get(preferencesPath, token), "preferences", "id")).containsExactly(preferenceId);
        assertThat(api.get("/api/integrations/connected", token).status()).isEqualTo(200);
        assertThat(api.get("/api/integrations/slack/oauth/start", token).status()).isEqualTo(200);
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndLivenessStaysUp() {
        JsonNode ready = health("readiness", 200);
        assertThat(ready.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(ready.path("components").has("kafka")).as("exports wait in the outbox while Kafka is down")
                .isFalse();

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

    private static void assertUnavailable(String route, ApiClient.Response response) {
        assertThat(response.status()).as(route + ": " + response.body()).isEqualTo(503);
        assertThat(response.contentType()).as(route).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).as(route).isEqualTo("5");
        assertThat(response.json().path("detail").asString()).as(route).startsWith("The database is unavailable");
        // neither the failure's text, its SQL, the connection's details nor the database's credentials
        assertThat(response.body()).as(route)
                .doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("select")
                .doesNotContainIgnoringCase("jdbc")
                .doesNotContainIgnoringCase("hikari")
                .doesNotContainIgnoringCase("postgres");
    }

    private String queueExport() {
        ApiClient.Response accepted = api.postJson(ApiEdgeIntegrationTest.EXPORT_PATH, token, exportBody(), Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().path("export_id").asString();
    }

    private Map<String, Object> exportBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider_id", "folder");
        body.put("destination_id", "reports/outage");
        body.put("title", "Outage report");
        body.put("content", "# Outage\n\nStill **here**.");
        body.put("deliverable_version_id", UUID.randomUUID().toString());
        body.put("deliverable_id", deliverable.toString());
        return body;
    }

    private static Map<String, Object> folderPreference() {
        return Map.of("provider_id", "folder", "destination_id", "reports/outage", "auto_export", true);
    }

    /** A state issued for the caller, as the vendor would send it back (still URL-encoded). */
    private String oauthState() {
        ApiClient.Response start = api.get("/api/integrations/slack/oauth/start", token);
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        String state = UriComponentsBuilder.fromUriString(start.json().path("authorization_url").asString()).build()
                .getQueryParams().getFirst("state");
        assertThat(state).isNotNull();
        return state;
    }

    private JsonNode health(String group, int expectedStatus) {
        ApiClient.Response response = api.get("/actuator/health/" + group, null);
        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
        return response.json();
    }

    private static Iterable<String> ids(ApiClient.Response response, String list, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path(list).valueStream().map(node -> node.path(field).asString()).toList();
    }
}
