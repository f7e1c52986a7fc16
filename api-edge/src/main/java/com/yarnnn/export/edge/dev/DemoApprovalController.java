package com.yarnnn.export.edge.dev;

import com.yarnnn.export.connector.kafka.AcknowledgedSender;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.Topics;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "dev", description = "Only with `yarnnn.dev.enabled=true` (the local stack); unknown routes otherwise")
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

    @Operation(operationId = "playApproval", summary = "Publish the product's approval of the caller's deliverable",
            responses = @ApiResponse(responseCode = "202", description = "Published; its exports are listed at "
                    + "`exports_url`", content = @Content(examples = @ExampleObject(value = """
                    {"event_id": "…", "version_id": "…", "approved_at": "2026-12-02T08:40:00Z",
                     "exports_url": "/api/deliverables/…/exports?version_id=…"}"""))))
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
