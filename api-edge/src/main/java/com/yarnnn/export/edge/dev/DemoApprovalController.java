package com.yarnnn.export.edge.dev;

import com.yarnnn.export.connector.kafka.AcknowledgedSender;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local stack only: plays the product's part and publishes a {@link DeliverableApproved} event for the caller's
 * deliverable, so the auto-exports can be seen without the product.
 */
@RestController
@ConditionalOnProperty(name = "yarnnn.dev.enabled", havingValue = "true")
class DemoApprovalController {

    private final AcknowledgedSender kafka;
    private final Clock clock;
    private final IdGenerator ids;

    DemoApprovalController(AcknowledgedSender kafka, Clock clock, IdGenerator ids) {
        this.kafka = kafka;
        this.clock = clock;
        this.ids = ids;
    }

    @PostMapping(path = "/api/dev/approvals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> approve(UserId user, @Valid @RequestBody DemoApprovalBody body) {
        UUID versionId = body.versionId() != null ? body.versionId() : ids.generateId();
        DeliverableApproved approval = new DeliverableApproved(DeliverableApproved.SCHEMA_VERSION, ids.generateId(),
                body.deliverableId(), versionId, user.value(), body.title(), body.content(), clock.instant());
        try {
            kafka.send(Topics.APPROVALS, body.deliverableId().toString(), approval);
        } catch (AcknowledgedSender.NotAcknowledgedException e) {
            throw notPublished(e);
        }
        String exports = "/api/deliverables/" + body.deliverableId() + "/exports?version_id=" + versionId;
        return ResponseEntity.accepted().body(Map.of("event_id", approval.eventId(), "version_id", versionId,
                "approved_at", approval.approvedAt(), "exports_url", exports));
    }

    private static ApiProblemException notPublished(Exception cause) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "The approval was not published: try again",
                cause);
    }
}
