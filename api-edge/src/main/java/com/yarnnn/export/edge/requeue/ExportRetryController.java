package com.yarnnn.export.edge.requeue;

import com.yarnnn.export.edge.export.ExportAccepted;
import com.yarnnn.export.edge.security.UserId;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/exports/{id}/retry}: the owner sends a FAILED or DEAD_LETTERED export again. */
@RestController
class ExportRetryController {

    private final OwnerRetries retries;

    ExportRetryController(OwnerRetries retries) {
        this.retries = retries;
    }

    @PostMapping("/api/exports/{id}/retry")
    ResponseEntity<ExportAccepted> retry(UserId user, @PathVariable UUID id) {
        ExportAccepted accepted = retries.retry(id, user.value());
        return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
