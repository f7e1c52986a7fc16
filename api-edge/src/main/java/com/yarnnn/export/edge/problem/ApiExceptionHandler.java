package com.yarnnn.export.edge.problem;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error as {@code application/problem+json} with a detail a person can act on. Spring's own texts are
 * replaced where they name Java types or echo input; nothing here quotes the request body or a header.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Seconds a client waits before retrying after a 503: long enough for a pool to reconnect, short for a person. */
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(FieldError::getDefaultMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(ex, HttpStatus.BAD_REQUEST, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ex, HttpStatus.BAD_REQUEST, unreadableBody(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String expected = expected(ex.getRequiredType());
        return problem(ex, HttpStatus.BAD_REQUEST, "'" + ex.getPropertyName() + "' must be " + expected, headers,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getAllErrors().stream()
                .map(MessageSourceResolvable::getDefaultMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(ex, HttpStatus.BAD_REQUEST, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(ex, HttpStatus.NOT_FOUND, "There is no " + ex.getHttpMethod() + " /" + ex.getResourcePath()
                + " in this API", headers, request);
    }

    /** Routes outside the page's static {@code /assets} end here rather than in the resource handler. */
    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(ex, HttpStatus.NOT_FOUND, "There is no " + ex.getHttpMethod() + " " + ex.getRequestURL()
                + " in this API", headers, request);
    }

    /**
     * Whatever no other handler took: the database or the broker failing is a 503 the caller can retry, anything
     * else a 500 for us to look at. Neither quotes the exception, which may hold SQL or connection details.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        Optional<UnavailableDependency> unavailable = UnavailableDependency.causing(ex);
        if (unavailable.isPresent()) {
            return unavailable(unavailable.get(), ex, request);
        }
        log.error("Unexpected failure of {}", request.getDescription(false), ex);
        return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it was logged",
                HttpHeaders.EMPTY, request);
    }

    /** Every 503 says when to come back, including those thrown as an {@link ApiProblemException}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            HttpHeaders withRetryAfter = HttpHeaders.copyOf(headers);
            withRetryAfter.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return super.handleExceptionInternal(ex, body, withRetryAfter, statusCode, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> unavailable(UnavailableDependency dependency, Exception ex, WebRequest request) {
        // an outage fails every request alike: one line each, the stack trace only when asked for
        log.warn("{} failed with {} unavailable: {}", request.getDescription(false), dependency, rootCause(ex));
        log.debug("{} unavailable", dependency, ex);
        boolean changesState = request instanceof ServletWebRequest servlet
                && !SAFE_METHODS.contains(servlet.getHttpMethod());
        boolean hasIdempotencyKey = request.getHeader("Idempotency-Key") != null;
        return problem(ex, HttpStatus.SERVICE_UNAVAILABLE, dependency.detail(changesState, hasIdempotencyKey),
                HttpHeaders.EMPTY, request);
    }

    private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String detail, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    private static String rootCause(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-11-25T09:00:00Z";
        }
        if (type != null && type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "of another type";
    }

    private static String unreadableBody(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream()
                    .map(JacksonException.Reference::getPropertyName)
                    .filter(name -> name != null)
                    .collect(Collectors.joining("."));
            if (field.isEmpty()) {
                return "The request body must be a JSON object";
            }
            return field + " must be " + (mismatch.getTargetType() == UUID.class ? "a UUID"
                    : mismatch.getTargetType() == String.class ? "a string" : "of another JSON type");
        }
        if (ex.getCause() instanceof JacksonException) {
            return "The request body is not valid JSON";
        }
        return "The request needs a JSON body";
    }
}
