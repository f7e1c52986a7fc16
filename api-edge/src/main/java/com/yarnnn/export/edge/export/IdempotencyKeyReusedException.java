package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.problem.ApiProblemException;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key was used before for a different request. */
class IdempotencyKeyReusedException extends ApiProblemException {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was already used for a different export "
                + "request; use a new key for a new request");
    }
}
