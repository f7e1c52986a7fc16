package com.yarnnn.export.gmailmcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.json.JsonMapper;

/** The two Gmail REST calls the server makes, authorised with the access token it was started with. */
final class GmailApi {

    /** Below the pipeline's MCP request timeout (30 s), so a slow Gmail is answered as an error, not a silence. */
    private static final Duration TIMEOUT = Duration.ofSeconds(25);

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final JsonMapper json;

    GmailApi(HttpClient http, ServerConfig config, JsonMapper json) {
        this.http = http;
        this.baseUrl = config.apiBaseUrl().toString().replaceAll("/+$", "");
        this.authorization = "Bearer " + config.accessToken();
        this.json = json;
    }

    /** {@code POST /gmail/v1/users/me/messages/send} with the message base64url-encoded in {@code raw}. */
    GmailResponse send(byte[] mimeMessage) throws IOException, InterruptedException {
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(mimeMessage);
        String body = json.writeValueAsString(Map.of("raw", raw));
        return exchange(request("/gmail/v1/users/me/messages/send")
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** {@code GET /gmail/v1/users/me/profile}: the account's address; proves the token works. */
    GmailResponse profile() throws IOException, InterruptedException {
        return exchange(request("/gmail/v1/users/me/profile").GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private GmailResponse exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new GmailResponse(response.statusCode(), response.body(), retryAfter(response));
    }

    private static OptionalLong retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> OptionalLong.of(Long.parseLong(value.strip())))
                .orElse(OptionalLong.empty());
    }
}
