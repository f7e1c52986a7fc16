package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.oauth.OAuthClients;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/integrations/available}: the providers this deployment can export to. */
@RestController
class IntegrationController {

    private final ProviderRegistry providers;
    private final OAuthClients oauthClients;

    IntegrationController(ProviderRegistry providers, OAuthClients oauthClients) {
        this.providers = providers;
        this.oauthClients = oauthClients;
    }

    @GetMapping("/api/integrations/available")
    AvailableIntegrations available() {
        return AvailableIntegrations.of(providers.available().stream()
                .map(provider -> AvailableProvider.of(provider,
                        !provider.requiresConnection() || oauthClients.isConfigured(provider.id())))
                .toList());
    }
}
