package com.yarnnn.export.edge.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The user a tool call is made for. The security filter checked the token on the request's thread; the MCP server
 * runs handlers on its own threads, so the user travels in the call's transport context.
 */
final class McpCaller {

    private static final String USER_ID = "yarnnn.user_id";

    private McpCaller() {
    }

    /** Puts the authenticated user into each request's transport context. */
    static McpTransportContextExtractor<HttpServletRequest> fromSecurityContext() {
        return request -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication instanceof JwtAuthenticationToken token
                    ? McpTransportContext.create(Map.of(USER_ID, UUID.fromString(token.getToken().getSubject())))
                    : McpTransportContext.EMPTY;
        };
    }

    static Optional<UUID> of(McpTransportContext context) {
        return context.get(USER_ID) instanceof UUID user ? Optional.of(user) : Optional.empty();
    }
}
