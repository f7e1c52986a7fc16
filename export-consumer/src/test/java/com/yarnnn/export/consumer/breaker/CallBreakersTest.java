package com.yarnnn.export.consumer.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Breakers scoped to what failed: a connection's own, and its provider's only for failures across connections. */
class CallBreakersTest {

    private static final DeliveryException RATE_LIMITED = new DeliveryException("rate_limited", "slow down", true,
            Duration.ofSeconds(10), null);
    private static final DeliveryException SLACK_DOWN = new DeliveryException("slack_unavailable", "5xx", true, null);
    private static final DeliveryException NO_CHANNEL = new DeliveryException("channel_not_found", "gone", false,
            null);

    private final CallBreakers breakers = new CallBreakers(CircuitBreakerRegistry.of(Map.of(
            "default", CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(4)
                    .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(30)).build(),
            CallBreakers.CONNECTION_CONFIG, CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(3)
                    .failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(20)).build())),
            Clock.systemUTC());

    @Test
    void rateLimitsOpenNoBreakerHoweverMany() {
        UUID workspace = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            call("slack", workspace, RATE_LIMITED);
        }

        assertThat(breakers.permit("slack", workspace)).isInstanceOf(CallBreakers.Granted.class);
        assertThat(breakers.providerBreaker("slack").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void oneConnectionFailingHoldsBackOnlyItsOwnExports() {
        UUID failing = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            call("slack", failing, SLACK_DOWN);
            call("slack", UUID.randomUUID(), null);
        }

        assertThat(breakers.permit("slack", failing)).isInstanceOfSatisfying(CallBreakers.Held.class, held -> {
            assertThat(held.providerWide()).isFalse();
            assertThat(held.duration()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        });
        assertThat(breakers.permit("slack", UUID.randomUUID())).isInstanceOf(CallBreakers.Granted.class);
        assertThat(breakers.providerBreaker("slack").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aLoneFailingConnectionNeverOpensTheProviderBreaker() {
        UUID failing = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            call("slack", failing, new McpCallException("timeout", "no answer", null));
        }

        assertThat(breakers.providerBreaker("slack").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void failuresAcrossConnectionsOpenTheProviderBreakerForEveryone() {
        for (int i = 0; i < 4; i++) {
            call("slack", UUID.randomUUID(), SLACK_DOWN);
        }

        assertThat(breakers.permit("slack", UUID.randomUUID())).isInstanceOfSatisfying(CallBreakers.Held.class,
                held -> {
                    assertThat(held.providerWide()).isTrue();
                    assertThat(held.duration()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
                });
        assertThat(breakers.permit("notion", UUID.randomUUID())).isInstanceOf(CallBreakers.Granted.class);
    }

    @Test
    void aUsersMistakeIsAnAnswerNotAFailure() {
        UUID workspace = UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            call("slack", workspace, NO_CHANNEL);
        }

        assertThat(breakers.permit("slack", workspace)).isInstanceOf(CallBreakers.Granted.class);
    }

    @Test
    void aProviderWithoutConnectionsHasItsProviderBreakerOnly() {
        for (int i = 0; i < 4; i++) {
            call("folder", null, SLACK_DOWN);
        }

        assertThat(breakers.permit("folder", null)).isInstanceOf(CallBreakers.Held.class);
    }

    @Test
    void anUnusedPermitGivesBackItsTrialCall() {
        UUID workspace = UUID.randomUUID();
        CircuitBreaker provider = breakers.providerBreaker("gmail");
        provider.transitionToOpenState();
        provider.transitionToHalfOpenState();

        for (int i = 0; i < 20; i++) {
            CallPermit permit = ((CallBreakers.Granted) breakers.permit("gmail", workspace)).permit();
            permit.releaseUnused();
        }

        assertThat(breakers.permit("gmail", workspace)).isInstanceOf(CallBreakers.Granted.class);
    }

    private void call(String provider, UUID connection, RuntimeException failure) {
        if (breakers.permit(provider, connection) instanceof CallBreakers.Granted granted) {
            granted.permit().settle(CallVerdict.of(failure), failure);
        }
    }
}
