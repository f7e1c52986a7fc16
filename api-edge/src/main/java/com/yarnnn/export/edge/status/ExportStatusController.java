package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.contract.ContractExamples;
import com.yarnnn.export.edge.deliverable.DeliverableOwners;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.event.ExportState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "exports")
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
    @Operation(operationId = "listExports", summary = "The caller's export history, newest first",
            description = "Filters combine; `from` is inclusive, `to` exclusive. Keyset pages: pass `next_cursor` "
                    + "back as `cursor` (null on the last page); exports created meanwhile never shift a page.")
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
    @Operation(operationId = "listDeliverableExports", summary = "One deliverable's export history",
            description = "The same filters and pages as `GET /api/exports`.")
    @ApiResponse(responseCode = "200", description = "A page of its exports", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
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

    @Operation(operationId = "getExport", summary = "One of the caller's exports",
            description = "Polling with `If-None-Match` answers 304 until something changes.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The export",
                            headers = @Header(name = "ETag", description = "Send it back as `If-None-Match`"),
                            content = @Content(schema = @Schema(implementation = ExportStatusView.class),
                                    examples = @ExampleObject(value = ContractExamples.EXPORT_STATUS))),
                    @ApiResponse(responseCode = "304", description = "Unchanged since the `If-None-Match` ETag",
                            content = @Content),
                    @ApiResponse(responseCode = "404", ref = "NotFound")})
    @GetMapping("/api/exports/{id}")
    ResponseEntity<ExportStatusView> status(UserId user, @PathVariable UUID id) {
        ExportStatusView view = owned(user, id);
        // a matching If-None-Match is answered 304 by Spring, from this ETag
        return ResponseEntity.ok().eTag(view.etag()).cacheControl(CacheControl.noCache()).body(view);
    }

    @Operation(operationId = "streamExportStatus", summary = "The export's status changes, live (Server-Sent Events)",
            description = """
                    Events named `status` whose data is the export as `GET /api/exports/{id}` answers it: the first \
                    is its state now, then one per change, in order; the stream ends after SUCCEEDED, FAILED or \
                    DEAD_LETTERED, or after `yarnnn.status-stream.timeout` (the client reconnects). Send the bearer \
                    header (read it with fetch, not EventSource).""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(implementation = ExportStatusView.class),
                            examples = @ExampleObject(value = ContractExamples.STATUS_EVENTS))),
                    @ApiResponse(responseCode = "404", ref = "NotFound")})
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
