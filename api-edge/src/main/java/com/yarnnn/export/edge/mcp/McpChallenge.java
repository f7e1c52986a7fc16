package com.yarnnn.export.edge.mcp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import com.yarnnn.export.edge.security.BearerTokenRefusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 401 from {@code /mcp}: {@code WWW-Authenticate: Bearer resource_metadata="…"} (RFC 9728 §5.1), with
 * {@code error="invalid_token"} when a token was sent and refused, and the reason as a problem. Neither quotes the
 * token.
 */
@Component
class McpChallenge implements AuthenticationEntryPoint {

    private final McpResource resource;
    private final JsonMapper json;

    McpChallenge(McpResource resource, JsonMapper json) {
        this.resource = resource;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean refused = failure instanceof InvalidBearerTokenException;
        String challenge = "Bearer resource_metadata=\"" + resource.metadataUrl(request) + "\""
                + (refused ? ", error=\"invalid_token\"" : "");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", BearerTokenRefusal.detail(failure,
                "The MCP endpoint needs an 'Authorization: Bearer <token>' header with a token issued for it"));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
