package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.security.UserId;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/integrations/export}: answers 202 once the export is durably queued. */
@RestController
class ExportRequestController {

    private final ExportRequestService exports;

    ExportRequestController(ExportRequestService exports) {
        this.exports = exports;
    }

    @PostMapping(path = "/api/integrations/export", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExportAccepted> request(UserId user, @Valid @RequestBody ExportRequestBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ExportAccepted accepted = exports.request(user, body, idempotencyKey);
        return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
