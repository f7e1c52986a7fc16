package com.yarnnn.export.edge.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IntegrationControllerTest extends ApiEdgeIntegrationTest {

    @Autowired
    private ProviderRegistry registry;

    @Test
    void listsTheRegisteredProviders() {
        ApiClient.Response response = api.get("/api/integrations/available", TestTokens.forUser(UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(200);
        JsonNode providers = response.json().path("providers");
        assertThat(providers.valueStream().map(p -> p.path("id").asString()))
                .containsExactlyElementsOf(registry.ids().stream().sorted().toList());
        JsonNode folder = providers.valueStream().filter(p -> p.path("id").asString().equals("folder")).findFirst()
                .orElseThrow();
        assertThat(folder.path("display_name").asString()).isEqualTo("Folder");
        assertThat(folder.path("description").asString()).isNotBlank();
        assertThat(folder.path("icon").asString()).isEqualTo("folder");
        assertThat(folder.path("requires_connection").asBoolean()).isFalse();
        assertThat(providers).as("no OAuth app is configured here: only providers without an account are connectable")
                .allSatisfy(p -> assertThat(p.path("connectable").asBoolean())
                        .isEqualTo(!p.path("requires_connection").asBoolean()));
    }

    @Test
    void aVendorWithoutAConfiguredOAuthAppCannotBeConnected() {
        assertProblem(api.get("/api/integrations/slack/oauth/start", TestTokens.forUser(UUID.randomUUID())), 409,
                "Slack cannot be connected here: its OAuth app is not configured");
    }
}
