package com.yarnnn.export.connector.provider.gmail;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what the Gmail MCP server answered: on success Gmail's JSON, on failure the server's
 * {@code {"status", "error", "message"}}, classified into what the user must do and what a retry can fix.
 */
final class GmailToolAnswer {

    /** Gmail's per-user limit is per minute; without its Retry-After, wait a good part of one. */
    private static final long DEFAULT_RATE_LIMIT_PAUSE_SECONDS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> RATE_LIMITED = Set.of("rateLimitExceeded", "userRateLimitExceeded", "RESOURCE_EXHAUSTED");
    private static final Set<String> MISSING_SCOPE = Set.of("insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");

    private GmailToolAnswer() {
    }

    /** Gmail's answer, or the failure as a {@link DeliveryException}. */
    static JsonNode successOrThrow(McpSchema.CallToolResult result) {
        JsonNode answer = parse(text(result));
        if (Boolean.TRUE.equals(result.isError())) {
            throw failure(answer);
        }
        return answer;
    }

    private static DeliveryException failure(JsonNode error) {
        int status = error.path("status").asInt(0);
        String reason = error.path("error").asString("unknown");
        String message = error.path("message").asString("no details");
        if (status == 401) {
            return new DeliveryException(NEEDS_REAUTH,
                    "Gmail no longer accepts this connection's authorisation: reconnect the Gmail account", false, null);
        }
        if (status == 429 || RATE_LIMITED.contains(reason)) {
            Duration wait = Duration.ofSeconds(error.path("retry_after_seconds").asLong(DEFAULT_RATE_LIMIT_PAUSE_SECONDS));
            return new DeliveryException("rate_limited", "Gmail's sending rate limit was reached; retrying after "
                    + wait.toSeconds() + " s", true, wait, null);
        }
        if (status == 403 && MISSING_SCOPE.contains(reason)) {
            return new DeliveryException("missing_scope",
                    "The Gmail connection is missing the gmail.send scope: reconnect Gmail and allow sending email", false, null);
        }
        if (status >= 500 || "unreachable".equals(reason)) {
            return new DeliveryException("gmail_unavailable", "Gmail is unavailable: " + message, true, null);
        }
        if ("invalid_input".equals(reason)) {
            return new DeliveryException("invalid_email", "The email could not be built: " + message, false, null);
        }
        return new DeliveryException("gmail_rejected", "Gmail refused the email (" + reason + "): " + message, false, null);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            throw new DeliveryException("gmail_unexpected_answer", "The Gmail server answered something unreadable", false, null);
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining());
    }
}
