package com.yarnnn.export.edge.problem;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/**
 * A failure as the HTTP API would answer it (status and detail), for surfaces that answer otherwise, such as the MCP
 * tools. The detail of an unexpected failure never quotes it.
 *
 * @param status the HTTP status the API answers
 */
public record ProblemDescription(HttpStatus status, String detail) {

    /** @param changesState whether the failed call would have changed something (a retry of it must be safe) */
    public static ProblemDescription of(Exception failure, boolean changesState, boolean hasIdempotencyKey) {
        if (failure instanceof ErrorResponse response && response.getBody().getDetail() != null) {
            return new ProblemDescription(HttpStatus.valueOf(response.getStatusCode().value()),
                    response.getBody().getDetail());
        }
        Optional<UnavailableDependency> unavailable = UnavailableDependency.causing(failure);
        return unavailable
                .map(dependency -> new ProblemDescription(HttpStatus.SERVICE_UNAVAILABLE,
                        dependency.detail(changesState, hasIdempotencyKey)))
                .orElseGet(() -> new ProblemDescription(HttpStatus.INTERNAL_SERVER_ERROR,
                        "An unexpected error occurred; it was logged"));
    }

    public boolean isUnexpected() {
        return status == HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
