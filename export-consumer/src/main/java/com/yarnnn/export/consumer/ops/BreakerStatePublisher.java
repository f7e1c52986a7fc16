package com.yarnnn.export.consumer.ops;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.consumer.breaker.BreakerState;
import com.yarnnn.export.consumer.breaker.CallBreakers;
import com.yarnnn.export.consumer.delivery.WorkerIdentity;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes this instance's breaker states to {@code breaker_states}, where api-edge's operators' page reads every
 * instance's: on its own thread, right after a state change and on each heartbeat, so a delivery thread only sets a
 * flag. Each write replaces the instance's rows (its provider breakers, its connection breakers that are not closed);
 * a graceful stop removes them. Rows of instances gone without a stop are left for the readers to age out, and
 * removed after a day.
 */
@Component
class BreakerStatePublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BreakerStatePublisher.class);

    private static final String UPSERT = """
            insert into breaker_states (instance_id, breaker, provider, connection_id, state, changed_at, seen_at)
            values (:instance, :breaker, :provider, :connectionId, :state, :changedAt, now())
            on conflict (instance_id, breaker) do update
               set state = excluded.state, changed_at = excluded.changed_at, seen_at = excluded.seen_at""";

    private final CallBreakers breakers;
    private final ProviderRegistry providers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String instance;
    private final BreakerStatesProperties properties;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile ScheduledExecutorService writer;

    BreakerStatePublisher(CallBreakers breakers, ProviderRegistry providers, JdbcClient jdbc,
            PlatformTransactionManager transactions, WorkerIdentity identity, BreakerStatesProperties properties) {
        this.breakers = breakers;
        this.providers = providers;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.instance = identity.id();
        this.properties = properties;
    }

    @Override
    public void start() {
        // every provider's breaker exists from the start, so each instance reports all of them
        providers.ids().forEach(breakers::providerBreaker);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("breaker-states-");
        threads.setDaemon(true);
        writer = Executors.newSingleThreadScheduledExecutor(threads);
        breakers.onTransition(this::changed);
        long heartbeat = properties.heartbeat().toMillis();
        writer.scheduleWithFixedDelay(this::publish, 0, heartbeat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
            jdbc.sql("delete from breaker_states where instance_id = :instance").param("instance", instance).update();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance's breaker states: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null && !writer.isShutdown();
    }

    /** Called on the thread whose call changed a breaker: one write is queued, however many changes come. */
    private void changed() {
        if (pending.compareAndSet(false, true)) {
            try {
                writer.execute(this::publish);
            } catch (RejectedExecutionException stopping) {
                // the instance is stopping: its rows are being removed
            }
        }
    }

    private void publish() {
        pending.set(false);
        List<BreakerState> states = breakers.states();
        try {
            transaction.executeWithoutResult(tx -> {
                states.forEach(this::upsert);
                jdbc.sql("delete from breaker_states where instance_id = :instance and seen_at < now()")
                        .param("instance", instance).update();
                jdbc.sql("delete from breaker_states where seen_at < now() - interval '1 day'").update();
            });
        } catch (RuntimeException e) {
            log.warn("Could not publish the breaker states: {}", e.toString());
        }
    }

    private void upsert(BreakerState state) {
        jdbc.sql(UPSERT)
                .param("instance", instance)
                .param("breaker", state.name())
                .param("provider", state.provider())
                .param("connectionId", state.connectionId())
                .param("state", state.state())
                .param("changedAt", Timestamp.from(state.changedAt()))
                .update();
    }
}
