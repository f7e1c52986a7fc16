package com.yarnnn.export.edge.connection;

import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.provider.ExportProvider;
import java.util.List;
import java.util.UUID;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * A connection's destinations, as its provider lists them, kept for a short while
 * ({@code spring.cache.caffeine.spec}): a settings page asks often, and each listing calls the vendor.
 */
@Component
class ProviderDestinations {

    static final String CACHE = "provider-destinations";

    private final ConnectionAccess access;

    ProviderDestinations(ConnectionAccess access) {
        this.access = access;
    }

    @Cacheable(cacheNames = CACHE, key = "#connectionId")
    public List<Destination> list(ExportProvider provider, UUID connectionId) {
        return List.copyOf(provider.destinations(access.open(connectionId)));
    }

    @CacheEvict(cacheNames = CACHE, key = "#connectionId")
    public void forget(UUID connectionId) {
        // the annotation evicts
    }
}
