package com.yarnnn.export.consumer.breaker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Circuit breakers scoped to what failed. Each connection (a Slack workspace, a Notion integration, a Gmail
 * mailbox) has its own, tuned by {@code resilience4j.circuitbreaker.configs.connection.*}: one tenant's outage
 * holds back only its own exports. Each provider has one more ({@code provider-<id>}, tuned by {@code configs
 * .default.*}, shown in health and metrics) that opens only when the provider fails across connections: a
 * connection's failures count there once per {@code configs.connection}'s open wait. Rate limits count in neither;
 * they pause the export's rate budget. A provider without connections (the folder) has only its provider breaker.
 */
@Component
public class CallBreakers {

    /** What a call may do now. */
    public sealed interface Permission {
    }

    /** The call may go ahead; settle the permit with its verdict. */
    public record Granted(CallPermit permit) implements Permission {
    }

    /** A breaker is open: the export waits {@code duration}; {@code providerWide} says whose breaker it is. */
    public record Held(Duration duration, boolean providerWide) implements Permission {
    }

    static final String CONNECTION_CONFIG = "connection";

    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final CircuitBreakerConfig providerConfig;
    private final CircuitBreakerConfig connectionConfig;
    private final Map<String, Breaker> providers = new ConcurrentHashMap<>();
    private final Cache<String, Breaker> connections;
    private final FirstFailures firstFailures;
    private final List<Runnable> transitionListeners = new CopyOnWriteArrayList<>();

    public CallBreakers(CircuitBreakerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.providerConfig = CircuitBreakerConfig.from(registry.getDefaultConfig()).build();
        this.connectionConfig = registry.getConfiguration(CONNECTION_CONFIG).orElse(providerConfig);
        Duration window = Duration.ofMillis(connectionConfig.getWaitIntervalFunctionInOpenState().apply(1));
        // an idle connection's breaker is forgotten long after any open state it had has ended
        this.connections = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(10).plusHours(1)).build();
        this.firstFailures = new FirstFailures(window);
    }

    public Permission permit(String providerId, UUID connectionId) {
        Breaker provider = provider(providerId);
        if (!provider.tryAcquire()) {
            return new Held(provider.untilHalfOpen(), true);
        }
        if (connectionId == null) {
            return new Granted(new CallPermit(provider, null, firstFailures, null));
        }
        String key = providerId + ":" + connectionId;
        Breaker connection = connections.get(key,
                k -> new Breaker(CircuitBreaker.of("connection-" + k, connectionConfig), clock, providerId,
                        connectionId, this::transitioned));
        if (!connection.tryAcquire()) {
            provider.circuitBreaker().releasePermission();
            return new Held(connection.untilHalfOpen(), false);
        }
        return new Granted(new CallPermit(provider, connection, firstFailures, key));
    }

    /** The provider-wide breaker, as health and metrics show it. */
    public CircuitBreaker providerBreaker(String providerId) {
        return provider(providerId).circuitBreaker();
    }

    /**
     * Every provider breaker, and the connection breakers that are not closed (a closed one is the normal case, and
     * there may be one per connection ever used).
     */
    public List<BreakerState> states() {
        return Stream.concat(providers.values().stream(),
                        connections.asMap().values().stream().filter(breaker -> !breaker.closed()))
                .map(Breaker::state)
                .toList();
    }

    /** Runs {@code listener} on the calling thread after any breaker changes state: it must return at once. */
    public void onTransition(Runnable listener) {
        transitionListeners.add(listener);
    }

    private void transitioned() {
        transitionListeners.forEach(Runnable::run);
    }

    private Breaker provider(String providerId) {
        return providers.computeIfAbsent(providerId, id -> new Breaker(
                registry.circuitBreaker("provider-" + id, providerConfig), clock, id, null, this::transitioned));
    }
}
