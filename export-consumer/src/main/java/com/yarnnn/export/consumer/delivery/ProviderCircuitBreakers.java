package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.mcp.McpCallException;
import com.yarnnn.export.connector.provider.DeliveryException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per provider (named {@code provider-<id>}, tuned by {@code resilience4j.circuitbreaker.configs
 * .default.*}, shown in health and metrics). Only failures of the provider itself count — a connector that is
 * unavailable, times out or answers a passing error — never a user's mistake such as an unknown channel. While a
 * breaker is open, calls fail at once and the exports wait on the retry topics.
 */
@Component
public class ProviderCircuitBreakers {

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig config;

    public ProviderCircuitBreakers(CircuitBreakerRegistry registry) {
        this.registry = registry;
        this.config = CircuitBreakerConfig.from(registry.getDefaultConfig())
                .recordException(ProviderCircuitBreakers::isProviderFailure)
                .build();
    }

    /** @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the provider's breaker is open */
    public <T> T call(String providerId, Supplier<T> delivery) {
        return breaker(providerId).executeSupplier(delivery);
    }

    public CircuitBreaker breaker(String providerId) {
        return registry.circuitBreaker("provider-" + providerId, config);
    }

    private static boolean isProviderFailure(Throwable failure) {
        return failure instanceof McpCallException
                || failure instanceof DeliveryException delivery && delivery.retryable();
    }
}
