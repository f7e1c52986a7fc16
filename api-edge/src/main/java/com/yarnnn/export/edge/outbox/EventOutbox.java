package com.yarnnn.export.edge.outbox;

import com.yarnnn.export.connector.failpoint.Failpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where api-edge puts every event that announces a database change (a QUEUED export, a requeue): written in the
 * caller's transaction, so the event exists exactly when the change does, and handed to the {@link OutboxRelay}
 * once that transaction committed. Events of one transaction are sent in the order they were added. Each carries the
 * trace it was added in ({@link TraceHeaders}).
 */
@Component
public class EventOutbox {

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final Failpoints failpoints;
    private final TraceHeaders traces;

    EventOutbox(OutboxRepository repository, OutboxRelay relay, Failpoints failpoints, TraceHeaders traces) {
        this.repository = repository;
        this.relay = relay;
        this.failpoints = failpoints;
        this.traces = traces;
    }

    /**
     * Adds the event within the caller's transaction.
     *
     * @param id the event's id, which names its outbox row
     * @throws IllegalStateException when no transaction is active
     */
    public void add(UUID id, ProducerRecord<String, Object> record) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An outbox event is added within the transaction of its change");
        }
        traces.addCurrentTrace(record);
        OutboxEvent event = new OutboxEvent(id, record);
        repository.insert(event);
        pendingOfThisTransaction().add(event);
    }

    private List<OutboxEvent> pendingOfThisTransaction() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> pending = (List<OutboxEvent>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<OutboxEvent> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    failpoints.reach("edge-before-commit");
                }

                @Override
                public void afterCommit() {
                    failpoints.reach("edge-after-commit");
                    relay.send(events);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EventOutbox.this);
                }
            });
            return events;
        }
        return pending;
    }
}
