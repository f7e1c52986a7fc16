package com.yarnnn.export.edge.contract;

import static com.yarnnn.export.connector.testing.OAuthTestApps.SLACK_REVOKE_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionStore.StoredTokens;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ConnectedAccountsIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.fakes.oauth.FakeOAuthServer.Response;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportFailed;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportRef;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The design's contract, replayed: each request of {@code contract/design-requests.json} as the design's frontend
 * sends it, its answer checked field by field against the shape the design reads. Where a request is an export, the
 * test plays the pipeline's worker and publishes the outcome the fixture names.
 */
class DesignContractTest extends ConnectedAccountsIntegrationTest {

    private static final String FIXTURE = "/contract/design-requests.json";

    private final UUID user = UUID.randomUUID();
    private final String token = TestTokens.forUser(user);

    @TestFactory
    Stream<DynamicTest> theDesignsRequestsGetTheAnswersItReads() throws Exception {
        JsonNode fixture;
        try (InputStream in = DesignContractTest.class.getResourceAsStream(FIXTURE)) {
            fixture = ApiClient.JSON.readTree(in);
        }
        connections.add(user, "slack", "T0001", new StoredTokens(Secret.of("xoxb-slack-bot-token-4f1e"), null, null));
        connections.add(user, "teamchat", "W1", new StoredTokens(Secret.of("teamchat-token"), null, null));
        VENDOR.answer(SLACK_REVOKE_PATH, request -> Response.json("{\"ok\":true,\"revoked\":true}"));
        return fixture.path("requests").valueStream()
                .map(request -> DynamicTest.dynamicTest(request.path("sent_by").asString(), () -> replay(request)));
    }

    private void replay(JsonNode request) throws Exception {
        ApiClient.Response answer = request.has("outcome") ? export(request) : send(request);

        JsonNode expected = request.path("answer");
        assertThat(answer.status()).as(answer.body()).isEqualTo(expected.path("status").asInt());
        SoftAssertions fields = new SoftAssertions();
        matches(fields, "", expected.path("body"), answer.json());
        fields.assertAll();
    }

    private ApiClient.Response send(JsonNode request) {
        String path = request.path("path").asString();
        return switch (request.path("method").asString()) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            default -> throw new IllegalArgumentException("The fixture sends " + request.path("method"));
        };
    }

    /** Sends the export, waits until it is queued, then publishes its outcome as the pipeline's worker would. */
    private ApiClient.Response export(JsonNode request) throws Exception {
        UUID exportId = UUID.randomUUID();
        ids.willGenerate(exportId, UUID.randomUUID());
        Map<String, String> headers = new LinkedHashMap<>();
        request.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
        CompletableFuture<ApiClient.Response> answer = api.postJsonAsync(request.path("path").asString(), token,
                request.path("body"), headers);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from export_status where export_id = ?")
                .param(exportId).query(Long.class).single() == 1);

        JsonNode body = request.path("body");
        UUID version = body.has("deliverable_version_id")
                ? UUID.fromString(body.path("deliverable_version_id").asString()) : null;
        ExportRef ref = new ExportRef(exportId, user, body.path("provider_id").asString(),
                body.path("destination_id").asString(), null, version);
        publishOutcome(new ExportStarted(1, UUID.randomUUID(), ref, 1, Instant.now()));
        publishOutcome(outcome(ref, request.path("outcome")));
        return answer.get(10, TimeUnit.SECONDS);
    }

    private static ExportOutcome outcome(ExportRef ref, JsonNode outcome) {
        return switch (outcome.path("state").asString()) {
            case "SUCCEEDED" -> new ExportSucceeded(1, UUID.randomUUID(), ref, 1, Instant.now(),
                    outcome.path("external_id").asString(), outcome.path("external_url").asString());
            case "FAILED" -> new ExportFailed(1, UUID.randomUUID(), ref, 1, Instant.now(),
                    new ExportError(outcome.path("code").asString(), outcome.path("message").asString()));
            default -> throw new IllegalArgumentException("The fixture names outcome " + outcome.path("state"));
        };
    }

    /** Checks every field of the shape in the answer: types for placeholders, equality for values. */
    private static void matches(SoftAssertions fields, String path, JsonNode shape, JsonNode actual) {
        if (shape.isObject()) {
            fields.assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
            shape.properties().forEach(field -> {
                String at = path + "." + field.getKey();
                fields.assertThat(actual.has(field.getKey())).as(at + " is present").isTrue();
                if (actual.has(field.getKey())) {
                    matches(fields, at, field.getValue(), actual.get(field.getKey()));
                }
            });
        } else if (shape.isArray()) {
            fields.assertThat(actual.isArray() && !actual.isEmpty()).as(path + " is a non-empty array: " + actual)
                    .isTrue();
            actual.valueStream().forEach(element -> matches(fields, path + "[]", shape.get(0), element));
        } else {
            switch (shape.asString("")) {
                case "<string>" -> fields.assertThat(actual.isString()).as(path + " is a string: " + actual).isTrue();
                case "<boolean>" -> fields.assertThat(actual.isBoolean()).as(path + " is a boolean: " + actual).isTrue();
                case "<object>" -> fields.assertThat(actual.isObject()).as(path + " is an object: " + actual).isTrue();
                default -> fields.assertThat(actual).as(path).isEqualTo(shape);
            }
        }
    }
}
