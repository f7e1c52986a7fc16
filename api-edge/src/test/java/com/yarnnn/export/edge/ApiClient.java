package com.yarnnn.export.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running api-edge. */
public class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public String baseUrl() {
        return base;
    }

    public Response get(String path, String token) {
        return get(path, token, Map.of());
    }

    public Response get(String path, String token, Map<String, String> headers) {
        return send(request(path, token, headers).GET().build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE().build());
    }

    public Response postJson(String path, String token, Object body, Map<String, String> headers) {
        return post(path, token, "application/json", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)),
                headers);
    }

    public Response post(String path, String token, String contentType, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        return send(postRequest(path, token, contentType, body, headers));
    }

    public CompletableFuture<Response> postJsonAsync(String path, String token, Object body,
            Map<String, String> headers) {
        HttpRequest request = postRequest(path, token, "application/json",
                HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), headers);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
    }

    private HttpRequest postRequest(String path, String token, String contentType, HttpRequest.BodyPublisher body,
            Map<String, String> headers) {
        HttpRequest.Builder request = request(path, token, headers).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
