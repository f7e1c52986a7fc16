package com.yarnnn.export.edge.integration;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/integrations/available}: the providers this deployment can export to. */
@RestController
class IntegrationController {

    private final ProviderRegistry providers;

    IntegrationController(ProviderRegistry providers) {
        this.providers = providers;
    }

    @GetMapping("/api/integrations/available")
    AvailableIntegrations available() {
        return new AvailableIntegrations(providers.available().stream().map(AvailableProvider::of).toList());
    }
}
