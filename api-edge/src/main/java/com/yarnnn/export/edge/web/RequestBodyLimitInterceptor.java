package com.yarnnn.export.edge.web;

import com.yarnnn.export.edge.problem.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an oversized body from its Content-Length, before it is read. A body without a length (chunked)
 * is refused too, since its size could only be found by reading it.
 */
class RequestBodyLimitInterceptor implements HandlerInterceptor {

    private final long maxBytes;

    RequestBodyLimitInterceptor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            throw new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted");
        }
        if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            throw new ApiProblemException(HttpStatus.LENGTH_REQUIRED,
                    "Send the request body with a Content-Length header; chunked bodies are not accepted");
        }
        return true;
    }
}
