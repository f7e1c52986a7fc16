package com.yarnnn.export.edge.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExportStatusTest extends ApiEdgeIntegrationTest {

    private final String token = TestTokens.forUser(UUID.randomUUID());

    @Test
    void anotherUsersExportIsNotFound() {
        String exportId = api.postJson(EXPORT_PATH, token, validBody(), Map.of()).json().path("export_id").asString();

        ApiClient.Response response = api.get("/api/exports/" + exportId, TestTokens.forUser(UUID.randomUUID()));

        assertProblem(response, 404, "No export " + exportId + " was found for you");
    }

    @Test
    void unknownExportIsNotFound() {
        UUID unknown = UUID.randomUUID();

        assertProblem(api.get("/api/exports/" + unknown, token), 404, "No export " + unknown + " was found for you");
    }

    @Test
    void exportIdMustBeAUuid() {
        assertProblem(api.get("/api/exports/not-a-uuid", token), 400, "'id' must be a UUID");
    }

    @Test
    void unknownRouteIsAProblem() {
        assertProblem(api.get("/api/nothing-here", token), 404, "There is no GET /api/nothing-here in this API");
    }

    @Test
    void wrongMethodIsAProblem() {
        ApiClient.Response response = api.postJson("/api/exports/" + UUID.randomUUID(), token, validBody(), Map.of());

        assertProblem(response, 405, "POST");
        assertThat(response.header("Allow")).contains("GET");
    }
}
