package com.yarnnn.export.edge.ops;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The providers whose topics the operators' routes read; any other name in a path is a 404 problem. */
@Component
class KnownProviders {

    private final ProviderRegistry registry;

    KnownProviders(ProviderRegistry registry) {
        this.registry = registry;
    }

    String known(String provider) {
        if (registry.find(provider).isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "Unknown provider '" + provider + "'");
        }
        return provider;
    }

    Collection<String> all() {
        return registry.ids();
    }
}
