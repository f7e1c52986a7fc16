package com.yarnnn.export.edge.connection;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Turns on Spring's caching (Caffeine, configured by {@code spring.cache.*}) for {@link ProviderDestinations}. */
@Configuration
@EnableCaching
class DestinationCacheConfiguration {
}
