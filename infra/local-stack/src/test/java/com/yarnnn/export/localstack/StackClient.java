package com.yarnnn.export.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the local stack's api-edge over HTTP as one user. */
final class StackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    StackClient(String baseUrl, String secret, UUID userId) {
        this(baseUrl, DevTokens.mint(secret, userId, Duration.ofHours(1)));
    }

    StackClient(String baseUrl, String token) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, token);
    }

    private StackClient(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Another user's client on the same connections (one HTTP client for many users). */
    StackClient as(String bearerToken) {
        return new StackClient(http, baseUrl, bearerToken);
    }

    String token() {
        return token;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** POST /api/integrations/export to the folder provider; returns the status code and body. */
    Response export(String destination, String title, String content) {
        return export("folder", destination, title, content);
    }

    Response export(String provider, String destination, String title, String content) {
        String body = JSON.writeValueAsString(Map.of("provider_id", provider, "destination_id", destination,
                "title", title, "content", content, "deliverable_version_id", UUID.randomUUID().toString()));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/integrations/export"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** POSTs a JSON-RPC message to an MCP endpoint (Streamable HTTP) as an assistant does, with this client's token. */
    Response mcp(String endpoint, String message) {
        return send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, JsonNode body) {

        UUID exportId() {
            return UUID.fromString(body.get("export_id").asString());
        }
    }
}
