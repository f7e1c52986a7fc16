package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;

/** Lets a request from a retry topic through to the worker once it is due, and holds it back before. */
class RetryGate implements MessageListener<String, ExportRequested> {

    private final ExportProvider provider;
    private final ExportWorker worker;
    private final Clock clock;

    RetryGate(ExportProvider provider, ExportWorker worker, Clock clock) {
        this.provider = provider;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void onMessage(ConsumerRecord<String, ExportRequested> record) {
        Instant due = RetryScheduler.dueAt(record);
        if (clock.instant().isBefore(due)) {
            throw new NotDueYetException(due);
        }
        worker.handle(provider, record);
    }
}
