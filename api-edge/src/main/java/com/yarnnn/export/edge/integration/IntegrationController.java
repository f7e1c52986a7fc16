package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.oauth.OAuthClients;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/integrations/available}: the providers this deployment can export to. */
@RestController
@Tag(name = "integrations")
class IntegrationController {

    private final ProviderRegistry providers;
    private final OAuthClients oauthClients;

    IntegrationController(ProviderRegistry providers, OAuthClients oauthClients) {
        this.providers = providers;
        this.oauthClients = oauthClients;
    }

    @Operation(operationId = "listAvailableIntegrations", summary = "The providers this deployment can export to",
            description = "`integrations` (the design's name) and `providers` are the same list; `connectable` is "
                    + "false for a provider whose OAuth app is not configured here.")
    @GetMapping("/api/integrations/available")
    AvailableIntegrations available() {
        return AvailableIntegrations.of(providers.available().stream()
                .map(provider -> AvailableProvider.of(provider,
                        !provider.requiresConnection() || oauthClients.isConfigured(provider.id())))
                .toList());
    }
}
