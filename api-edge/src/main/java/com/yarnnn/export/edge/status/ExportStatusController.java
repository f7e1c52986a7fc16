package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.security.UserId;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/exports/{id}}: the caller's own export. */
@RestController
class ExportStatusController {

    private final ExportStatusRepository statuses;

    ExportStatusController(ExportStatusRepository statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/api/exports/{id}")
    ExportStatusView status(UserId user, @PathVariable UUID id) {
        return statuses.find(id, user.value()).orElseThrow(() -> new ExportNotFoundException(id));
    }
}
