package com.yarnnn.export.consumer.projection;

import com.yarnnn.export.consumer.metrics.ExportMetrics;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.ExportOutcome;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads outcome events in batches (its own consumer group), hands them to the {@link StatusProjection} and, once
 * they are committed, counts the newly logged ones in the {@link ExportMetrics}.
 */
@Component
public class OutcomeProjector {

    private static final Logger log = LoggerFactory.getLogger(OutcomeProjector.class);

    private final StatusProjection projection;
    private final ExportMetrics metrics;

    public OutcomeProjector(StatusProjection projection, ExportMetrics metrics) {
        this.projection = projection;
        this.metrics = metrics;
    }

    @KafkaListener(id = "export-projector", topics = Topics.OUTCOMES, groupId = Topics.PROJECTOR_GROUP,
            containerFactory = ProjectionConfiguration.OUTCOME_LISTENER_FACTORY, batch = "true")
    public void project(List<ConsumerRecord<String, ExportOutcome>> records) {
        records.stream().filter(r -> r.value() == null).forEach(r ->
                log.warn("Skipped unreadable outcome {}-{}@{}", r.topic(), r.partition(), r.offset()));
        projection.apply(records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList())
                .forEach(logged -> metrics.logged(logged.outcome(), logged.acceptedAt()));
    }
}
