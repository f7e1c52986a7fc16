package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/** Kafka did not acknowledge the event in time; the status row was rolled back with it. */
class ExportNotQueuedException extends ApiProblemException {

    ExportNotQueuedException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                "Could not queue the export, nothing was queued: the message broker did not answer. Try again.",
                cause);
    }
}
