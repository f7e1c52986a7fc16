package com.yarnnn.export.edge.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IntegrationControllerTest extends ApiEdgeIntegrationTest {

    @Test
    void listsTheRegisteredProviders() {
        ApiClient.Response response = api.get("/api/integrations/available", TestTokens.forUser(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode providers = response.json().path("providers");
        assertThat(providers).hasSize(1);
        assertThat(providers.get(0).path("id").asString()).isEqualTo("folder");
        assertThat(providers.get(0).path("display_name").asString()).isEqualTo("Folder");
        assertThat(providers.get(0).path("description").asString()).isNotBlank();
        assertThat(providers.get(0).path("icon").asString()).isEqualTo("folder");
        assertThat(providers.get(0).path("requires_connection").asBoolean()).isFalse();
        assertThat(providers.get(0).path("connectable").asBoolean()).isTrue();
    }

    @Test
    void aVendorWithoutAConfiguredOAuthAppCannotBeConnected() {
        assertProblem(api.get("/api/integrations/slack/oauth/start", TestTokens.forUser(UUID.randomUUID())), 409,
                "Slack cannot be connected here: its OAuth app is not configured");
    }
}
