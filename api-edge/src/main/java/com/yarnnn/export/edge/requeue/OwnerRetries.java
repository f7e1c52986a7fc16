package com.yarnnn.export.edge.requeue;

import com.yarnnn.export.edge.export.ExportAccepted;
import com.yarnnn.export.edge.problem.ApiProblemException;
import com.yarnnn.export.schemas.event.ExportState;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The owner's retry of a FAILED or DEAD_LETTERED export, with the problem a refusal answers. */
@Service
public class OwnerRetries {

    private final ExportRequeuer requeuer;

    OwnerRetries(ExportRequeuer requeuer) {
        this.requeuer = requeuer;
    }

    public ExportAccepted retry(UUID exportId, UUID owner) {
        return switch (requeuer.retryByOwner(exportId, owner)) {
            case REQUEUED -> ExportAccepted.of(exportId, ExportState.QUEUED);
            case NOT_FOUND -> throw new ApiProblemException(HttpStatus.NOT_FOUND, "No export " + exportId + " of yours");
            case REQUEST_UNAVAILABLE -> throw new ApiProblemException(HttpStatus.CONFLICT,
                    "Export " + exportId + " never reached a worker, so there is nothing to send again");
            case NOT_REQUEUEABLE -> throw new ApiProblemException(HttpStatus.CONFLICT,
                    "Only a FAILED or DEAD_LETTERED export can be retried; export " + exportId + " is not");
        };
    }
}
