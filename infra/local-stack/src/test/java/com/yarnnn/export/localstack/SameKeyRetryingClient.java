package com.yarnnn.export.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that does what the API asks of one that did not hear the answer: it sends the same request with the same
 * {@code Idempotency-Key} again — after a 5xx, a broken or refused connection or a timeout — until it gets its 202.
 * Records every try, so a test can tell whether each 202 named the export of the first try (the id api-edge derives
 * from user and key).
 */
final class SameKeyRetryingClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    /** An export to request: its own destination, so deliveries can be counted per export. */
    record PlannedExport(String provider, String destination, String title, String content, String idempotencyKey,
            UUID deliverableVersionId) {

        /** What api-edge makes the export id: {@code UUID.nameUUIDFromBytes(user + ":" + key)}. */
        UUID expectedExportId(UUID user) {
            return UUID.nameUUIDFromBytes((user + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One try: its HTTP status (0: no answer) and the export id a 202 named. */
    record Try(int status, UUID exportId, String failure) {
    }

    /** Every try of one export, the last one accepted unless the deadline came first or the request was refused. */
    record Sent(PlannedExport export, UUID expectedExportId, List<Try> tries) {

        boolean accepted() {
            return !tries.isEmpty() && tries.get(tries.size() - 1).status() == 202;
        }

        int retries() {
            return tries.size() - 1;
        }

        /** The accepted export's id; null when none was accepted. */
        UUID exportId() {
            return accepted() ? tries.get(tries.size() - 1).exportId() : null;
        }

        /** Every 202 named the id derived from user and key. */
        boolean mapsToTheFirstTry() {
            return tries.stream().filter(t -> t.status() == 202).allMatch(t -> expectedExportId.equals(t.exportId()));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> baseUrl;
    private final UUID user;
    private final String token;

    SameKeyRetryingClient(Supplier<String> baseUrl, UUID user, String token) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.token = token;
    }

    /** Sends until a 202, a refusal (4xx: retrying it would not help) or the deadline. */
    Sent send(PlannedExport export, Duration deadline) {
        String body = JSON.writeValueAsString(Map.of("provider_id", export.provider(),
                "destination_id", export.destination(), "title", export.title(), "content", export.content(),
                "deliverable_version_id", export.deliverableVersionId().toString()));
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        List<Try> tries = new ArrayList<>();
        long pause = 100;
        while (true) {
            Try attempt = post(body, export.idempotencyKey());
            tries.add(attempt);
            boolean worthRetrying = attempt.status() == 0 || attempt.status() >= 500;
            if (!worthRetrying || System.nanoTime() > giveUpAt) {
                return new Sent(export, export.expectedExportId(user), List.copyOf(tries));
            }
            // a real client backs off between tries too; the pause is the client's, not a wait for the test
            sleep(pause);
            pause = Math.min(pause * 2, 1_000);
        }
    }

    private Try post(String body, String idempotencyKey) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + "/api/integrations/export"))
                .timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                return new Try(response.statusCode(), null, response.body());
            }
            JsonNode accepted = JSON.readTree(response.body());
            return new Try(202, UUID.fromString(accepted.get("export_id").asString()), null);
        } catch (IOException e) {
            // refused, reset, or no answer within the timeout: the client cannot know whether it was queued
            return new Try(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
