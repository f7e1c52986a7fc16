package com.yarnnn.export.edge.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API answers with a problem a person can act on. Spring renders it as
 * {@code application/problem+json}; the detail must never contain a token or the request's content.
 */
public class ApiProblemException extends ErrorResponseException {

    public ApiProblemException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    public ApiProblemException(HttpStatus status, String detail, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
    }
}
