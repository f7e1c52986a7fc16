package com.yarnnn.export.consumer.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.consumer.breaker.CallBreakers;
import com.yarnnn.export.consumer.breaker.CallVerdict;
import com.yarnnn.export.consumer.delivery.WorkerIdentity;
import com.yarnnn.export.infra.TestInfrastructureInitializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The instance's breakers reach {@code breaker_states} when they change, long before the next heartbeat (an hour
 * here): every provider's, and a connection's only while it is not closed.
 */
@SpringBootTest(properties = {"yarnnn.providers.folder.root=target/breaker-states-test-exports",
        "yarnnn.breaker-states.heartbeat=1h",
        "resilience4j.circuitbreaker.configs.connection.wait-duration-in-open-state=300ms"})
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class BreakerStatePublisherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final DeliveryException SLACK_DOWN = new DeliveryException("slack_unavailable", "5xx", true, null);

    @Autowired
    CallBreakers breakers;
    @Autowired
    ProviderRegistry providers;
    @Autowired
    WorkerIdentity identity;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProviderBreakerIsPublishedClosedFromTheStart() {
        await().atMost(PATIENCE).until(() -> states("provider-%").size() == providers.ids().size());
        assertThat(states("provider-%").values()).containsOnly("CLOSED");
        assertThat(states("provider-%").keySet())
                .containsExactlyInAnyOrderElementsOf(providers.ids().stream().map(id -> "provider-" + id).toList());
    }

    @Test
    void aConnectionBreakerIsPublishedWhenItOpensAndRemovedOnceItClosesAgain() {
        UUID workspace = UUID.randomUUID();
        String name = "connection-slack:" + workspace;
        for (int i = 0; i < 3; i++) {
            settle(workspace, CallVerdict.FAILED);
        }

        await().atMost(PATIENCE).until(() -> states(name).get(name), "OPEN"::equals);
        assertThat(jdbc.sql("select provider, connection_id from breaker_states where instance_id = ? and breaker = ?")
                .params(identity.id(), name).query((rs, row) -> List.of(rs.getString(1), rs.getObject(2, UUID.class)))
                .single()).containsExactly("slack", workspace);

        AtomicReference<CallBreakers.Permission> trial = new AtomicReference<>();
        await().atMost(PATIENCE).until(() -> trial.updateAndGet(held -> breakers.permit("slack", workspace)),
                permission -> permission instanceof CallBreakers.Granted);
        ((CallBreakers.Granted) trial.get()).permit().settle(CallVerdict.ANSWERED, null);

        await().atMost(PATIENCE).until(() -> states(name).isEmpty());
        assertThat(states("provider-slack")).containsEntry("provider-slack", "CLOSED");
    }

    private void settle(UUID workspace, CallVerdict verdict) {
        CallBreakers.Granted granted = (CallBreakers.Granted) breakers.permit("slack", workspace);
        granted.permit().settle(verdict, verdict == CallVerdict.FAILED ? SLACK_DOWN : null);
    }

    private Map<String, String> states(String breakerLike) {
        return jdbc.sql("select breaker, state from breaker_states where instance_id = ? and breaker like ?")
                .params(identity.id(), breakerLike)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
