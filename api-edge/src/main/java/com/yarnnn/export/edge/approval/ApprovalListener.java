package com.yarnnn.export.edge.approval;

import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the product's approval events (api-edge's own consumer group). The offset is committed only after every
 * auto-export of the approval is queued; a failure in between replays the event, which {@link AutoExporter}
 * makes harmless.
 */
@Component
class ApprovalListener {

    private final AutoExporter exporter;

    ApprovalListener(AutoExporter exporter) {
        this.exporter = exporter;
    }

    @KafkaListener(id = Topics.AUTO_EXPORT_GROUP, topics = Topics.APPROVALS, groupId = Topics.AUTO_EXPORT_GROUP,
            containerFactory = ApprovalKafkaConfiguration.LISTENER_FACTORY,
            autoStartup = "${yarnnn.auto-export.enabled:true}")
    void onApproval(DeliverableApproved approval) {
        exporter.export(approval);
    }
}
