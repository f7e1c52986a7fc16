package com.yarnnn.export.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends ApiEdgeIntegrationTest {

    private static final String AVAILABLE = "/api/integrations/available";

    @Test
    void requestWithoutTokenIsUnauthorized() {
        ApiClient.Response response = api.get(AVAILABLE, null);

        assertProblem(response, 401, "This API needs an 'Authorization: Bearer <token>' header with a valid JWT");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void exportWithoutTokenIsUnauthorized() {
        assertProblem(api.postJson(EXPORT_PATH, null, validBody(), Map.of()), 401, "Authorization: Bearer");
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        String forged = TestTokens.sign("another-secret-that-is-also-32-bytes-long", claims -> claims);

        ApiClient.Response response = api.get(AVAILABLE, forged);

        assertProblem(response, 401, "The bearer token was refused: it is malformed or its signature does not verify");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void malformedTokenIsRefused() {
        assertProblem(api.get(AVAILABLE, "not.a.jwt"), 401, "The bearer token was refused");
    }

    @Test
    void expiredTokenIsRefused() {
        String expired = TestTokens.sign(TestTokens.SECRET, claims -> claims
                .issueTime(Date.from(FixedClockAndScriptedIds.NOW.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(FixedClockAndScriptedIds.NOW.minus(Duration.ofMinutes(5)))));

        assertProblem(api.get(AVAILABLE, expired), 401, "The bearer token was refused: Jwt expired at");
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        String eternal = TestTokens.sign(TestTokens.SECRET, claims -> claims.expirationTime(null));

        assertProblem(api.get(AVAILABLE, eternal), 401, "it has no expiry time (exp claim)");
    }

    @Test
    void subjectMustBeAUserId() {
        String notAUser = TestTokens.sign(TestTokens.SECRET, claims -> claims.subject("alice"));

        assertProblem(api.get(AVAILABLE, notAUser), 401, "its subject (sub claim) is not a user id (a UUID)");
    }

    @Test
    void healthNeedsNoToken() {
        ApiClient.Response response = api.get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void problemsNeverEchoTheTokenOrTheContent() {
        String token = TestTokens.forUser(UUID.randomUUID());
        String forged = TestTokens.sign("another-secret-that-is-also-32-bytes-long", claims -> claims);
        String secretContent = "confidential-quarterly-numbers-" + UUID.randomUUID();

        Map<String, Object> badDestination = validBody();
        badDestination.put("destination_id", "../" + UUID.randomUUID());
        badDestination.put("content", secretContent);
        Map<String, Object> tooLarge = validBody();
        tooLarge.put("content", secretContent.repeat(1000));
        Map<String, Object> withControlCharacter = validBody();
        withControlCharacter.put("content", secretContent + "\u0001");
        Map<String, Object> forgedRequest = validBody();
        forgedRequest.put("content", secretContent);

        List<ApiClient.Response> problems = List.of(
                api.postJson(EXPORT_PATH, token, badDestination, Map.of()),
                api.postJson(EXPORT_PATH, token, tooLarge, Map.of()),
                api.postJson(EXPORT_PATH, token, withControlCharacter, Map.of()),
                api.post(EXPORT_PATH, token, "application/json",
                        BodyPublishers.ofString("{\"content\": \"" + secretContent + "\", " + token), Map.of()),
                api.post(EXPORT_PATH, token, "application/json",
                        BodyPublishers.ofString("{\"deliverable_version_id\": \"" + secretContent + "\"}"), Map.of()),
                api.postJson(EXPORT_PATH, forged, forgedRequest, Map.of()));

        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.status()).isBetween(400, 499);
            assertThat(problem.contentType()).startsWith("application/problem+json");
            assertThat(problem.body()).doesNotContain(token, forged, secretContent, token.split("\\.")[2]);
        });
    }
}
