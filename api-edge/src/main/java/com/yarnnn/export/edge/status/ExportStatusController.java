package com.yarnnn.export.edge.status;

import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.event.ExportState;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own exports: one by id, or the newest ones, optionally of one status. */
@RestController
@Validated
class ExportStatusController {

    private final ExportStatusRepository statuses;

    ExportStatusController(ExportStatusRepository statuses) {
        this.statuses = statuses;
    }

    /** {@code GET /api/exports?status=DEAD_LETTERED&limit=50}. */
    @GetMapping("/api/exports")
    List<ExportStatusView> list(UserId user, @RequestParam(required = false) ExportState status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return statuses.list(user.value(), status, limit);
    }

    @GetMapping("/api/exports/{id}")
    ExportStatusView status(UserId user, @PathVariable UUID id) {
        return statuses.find(id, user.value()).orElseThrow(() -> new ExportNotFoundException(id));
    }
}
