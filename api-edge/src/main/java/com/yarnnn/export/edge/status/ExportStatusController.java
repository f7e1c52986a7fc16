package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.deliverable.DeliverableOwners;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.event.ExportState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's own exports: one by id (with an ETag, so polling costs a 304), its live stream of status changes,
 * and the history, filtered and paged newest first.
 */
@RestController
class ExportStatusController {

    private static final String LIMIT = "limit must be 1 to 200";

    private final ExportQueries queries;
    private final StatusStreams streams;
    private final DeliverableOwners owners;

    ExportStatusController(ExportQueries queries, StatusStreams streams, DeliverableOwners owners) {
        this.queries = queries;
        this.streams = streams;
        this.owners = owners;
    }

    /** {@code GET /api/exports?status=&provider=&deliverable_id=&version_id=&from=&to=&limit=&cursor=}. */
    @GetMapping("/api/exports")
    ExportPage list(UserId user, @RequestParam(required = false) ExportState status,
            @RequestParam(required = false) String provider,
            @RequestParam(name = "deliverable_id", required = false) UUID deliverableId,
            @RequestParam(name = "version_id", required = false) UUID versionId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        return page(user, new ExportFilter(status, provider, deliverableId, versionId, from, to), limit, cursor);
    }

    /** {@code GET /api/deliverables/{id}/exports}: the same, for one deliverable. */
    @GetMapping("/api/deliverables/{deliverableId}/exports")
    ExportPage ofDeliverable(UserId user, @PathVariable UUID deliverableId,
            @RequestParam(required = false) ExportState status, @RequestParam(required = false) String provider,
            @RequestParam(name = "version_id", required = false) UUID versionId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = LIMIT) @Max(value = 200, message = LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        owners.requireOwner(deliverableId, user.value());
        return page(user, new ExportFilter(status, provider, deliverableId, versionId, from, to), limit, cursor);
    }

    @GetMapping("/api/exports/{id}")
    ResponseEntity<ExportStatusView> status(UserId user, @PathVariable UUID id) {
        ExportStatusView view = owned(user, id);
        // a matching If-None-Match is answered 304 by Spring, from this ETag
        return ResponseEntity.ok().eTag(view.etag()).cacheControl(CacheControl.noCache()).body(view);
    }

    @GetMapping(path = "/api/exports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(UserId user, @PathVariable UUID id) {
        return streams.open(owned(user, id));
    }

    private ExportStatusView owned(UserId user, UUID id) {
        return queries.owned(user.value(), id);
    }

    private ExportPage page(UserId user, ExportFilter filter, int limit, String cursor) {
        return queries.page(user.value(), filter, limit, cursor);
    }
}
