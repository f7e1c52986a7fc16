package com.yarnnn.export.edge.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each kind of bad input: its status, a problem a person understands, and nothing published or stored. */
class ExportRequestRejectionTest extends ApiEdgeIntegrationTest {

    private static final String JSON = "application/json";

    record BadRequest(String name, String contentType, BodyPublisher body, Map<String, String> headers, int status,
            String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    @Autowired
    private ProviderRegistry providers;

    private final UUID user = UUID.randomUUID();

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                json("unknown provider", b -> b.put("provider_id", "dropbox"), 400,
                        "Unknown provider 'dropbox'. Available providers: folder"),
                json("missing provider", b -> b.remove("provider_id"), 400, "provider_id is required"),
                json("missing destination", b -> b.remove("destination_id"), 400, "destination_id is required"),
                json("blank destination", b -> b.put("destination_id", "  "), 400, "destination_id is required"),
                json("destination the provider refuses", b -> b.put("destination_id", "../outside"), 400,
                        "Folder destination '../outside' is not allowed"),
                json("empty content", b -> b.put("content", ""), 400, "content is required and must not be blank"),
                json("blank content", b -> b.put("content", " \n\t "), 400, "content is required"),
                json("content over the limit", b -> b.put("content", "a".repeat(MAX_CONTENT_BYTES + 1)), 413,
                        "content is 16385 bytes (UTF-8); at most 16384 bytes can be exported"),
                json("content over the limit in UTF-8 bytes", b -> b.put("content", "é".repeat(MAX_CONTENT_BYTES / 2 + 1)),
                        413, "content is 16386 bytes"),
                json("content with control characters", b -> b.put("content", "ok\u0000"), 400,
                        "control character at position 2"),
                json("title too long", b -> b.put("title", "t".repeat(501)), 400, "title must be at most 500 characters"),
                json("deliverable version not a UUID", b -> b.put("deliverable_version_id", "v7"), 400,
                        "deliverable_version_id must be a UUID"),
                json("deliverable id not a UUID", b -> b.put("deliverable_id", 42), 400,
                        "deliverable_id must be a UUID"),
                raw("malformed JSON", JSON, "{\"provider_id\": \"folder\",", 400, "The request body is not valid JSON"),
                raw("JSON array", JSON, "[1, 2]", 400, "The request body must be a JSON object"),
                raw("empty body", JSON, "", 400, "The request needs a JSON body"),
                raw("wrong content type", "text/plain", "hello", 415, "is not supported"),
                raw("body over the size limit", JSON, "x".repeat(200_000), 413,
                        "The request body is 200000 bytes; at most 98304 bytes are accepted"),
                new BadRequest("chunked body", JSON, BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body(b -> { }).getBytes(StandardCharsets.UTF_8))),
                        Map.of(), 411, "Send the request body with a Content-Length header"),
                new BadRequest("malformed Idempotency-Key", JSON, BodyPublishers.ofString(body(b -> { })),
                        Map.of("Idempotency-Key", "k".repeat(256)), 400,
                        "The Idempotency-Key header must be 1 to 255 printable ASCII characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndNothingQueued(BadRequest bad) {
        try (TopicProbe topic = folderTopic()) {
            long before = topic.recordCount();

            ApiClient.Response response = api.post(EXPORT_PATH, TestTokens.forUser(user), bad.contentType(),
                    bad.body(), bad.headers());

            assertProblem(response, bad.status(), bad.detail());
            assertThat(topic.recordCount()).isEqualTo(before);
        }
        assertThat(statusRows(user)).isZero();
    }

    @Test
    void unknownProviderProblemListsTheAvailableOnes() {
        Map<String, Object> body = validBody();
        body.put("provider_id", "dropbox");

        ApiClient.Response response = api.postJson(EXPORT_PATH, TestTokens.forUser(user), body, Map.of());

        assertProblem(response, 400, "Unknown provider 'dropbox'");
        assertThat(response.json().path("available_providers").valueStream().map(JsonNode::asString))
                .contains("folder")
                .containsExactlyElementsOf(providers.ids().stream().sorted().toList());
    }

    private static BadRequest json(String name, Consumer<Map<String, Object>> change, int status, String detail) {
        return raw(name, JSON, body(change), status, detail);
    }

    private static BadRequest raw(String name, String contentType, String body, int status, String detail) {
        return new BadRequest(name, contentType, BodyPublishers.ofString(body), Map.of(), status, detail);
    }

    private static String body(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = validBody();
        change.accept(body);
        return ApiClient.JSON.writeValueAsString(body);
    }
}
