package com.yarnnn.export.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import com.yarnnn.export.edge.problem.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers 401 (no or bad token) and 403 (a valid token without the route's role) as {@code application/problem+json},
 * rendered by the same handler as every other problem.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemAuthenticationEntryPoint(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (resolver.resolveException(request, response, null, new BearerTokenRejectedException(failure)) == null) {
            response.sendError(HttpStatus.UNAUTHORIZED.value());
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ApiProblemException problem = new ApiProblemException(HttpStatus.FORBIDDEN,
                "This route is for operators: the token has no 'operator' role");
        if (resolver.resolveException(request, response, null, problem) == null) {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }
}
