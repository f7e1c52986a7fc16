package com.yarnnn.export.edge.approval;

import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.core.KafkaTemplate;

/** Plays the product: publishes approval events the way it does, keyed by deliverable. */
record ApprovalEvents(KafkaTemplate<String, Object> kafka) {

    static DeliverableApproved approval(UUID deliverable, UUID version, UUID owner) {
        return new DeliverableApproved(DeliverableApproved.SCHEMA_VERSION, UUID.randomUUID(), deliverable, version,
                owner, "Quarterly review", "# Quarterly review\n\nRevenue is **up**.", Instant.now());
    }

    void publish(DeliverableApproved approval) throws Exception {
        kafka.send(Topics.APPROVALS, approval.deliverableId().toString(), approval).get(10, TimeUnit.SECONDS);
    }
}
