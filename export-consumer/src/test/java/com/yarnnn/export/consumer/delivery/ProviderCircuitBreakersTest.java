package com.yarnnn.export.consumer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.mcp.McpCallException;
import com.yarnnn.export.connector.provider.DeliveryException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

class ProviderCircuitBreakersTest {

    private final ProviderCircuitBreakers breakers = new ProviderCircuitBreakers(CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom().slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build()));

    @Test
    void theProvidersOwnFailuresOpenItsBreakerAndOnlyItsBreaker() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breakers.call("slack", () -> {
                throw new McpCallException("timeout", "no answer", null);
            })).isInstanceOf(McpCallException.class);
        }

        assertThat(breakers.breaker("slack").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> breakers.call("slack", () -> "never called")).isInstanceOf(CallNotPermittedException.class);
        assertThat(breakers.call("notion", () -> "delivered")).isEqualTo("delivered");
    }

    @Test
    void aUsersMistakeNeverOpensTheBreaker() {
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> breakers.call("slack", () -> {
                throw new DeliveryException("channel_not_found", "No such channel", false, null);
            })).isInstanceOf(DeliveryException.class);
        }

        assertThat(breakers.breaker("slack").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
