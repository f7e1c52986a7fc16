package com.yarnnn.export.edge.requeue;

import com.yarnnn.export.edge.export.ExportAccepted;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.schemas.event.ExportState;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/exports/{id}/retry}: the owner sends a FAILED or DEAD_LETTERED export again. */
@RestController
class ExportRetryController {

    private final ExportRequeuer requeuer;

    ExportRetryController(ExportRequeuer requeuer) {
        this.requeuer = requeuer;
    }

    @PostMapping("/api/exports/{id}/retry")
    ResponseEntity<ExportAccepted> retry(UserId user, @PathVariable UUID id) {
        switch (requeuer.retryByOwner(id, user.value())) {
            case REQUEUED -> {
                ExportAccepted accepted = ExportAccepted.of(id, ExportState.QUEUED);
                return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
            }
            case NOT_FOUND -> throw new ApiProblemException(HttpStatus.NOT_FOUND, "No export " + id + " of yours");
            case REQUEST_UNAVAILABLE -> throw new ApiProblemException(HttpStatus.CONFLICT,
                    "Export " + id + " never reached a worker, so there is nothing to send again");
            default -> throw new ApiProblemException(HttpStatus.CONFLICT,
                    "Only a FAILED or DEAD_LETTERED export can be retried; export " + id + " is not");
        }
    }
}
