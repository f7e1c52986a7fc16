package com.yarnnn.export.connector.provider.slack;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.failure.DeliveryException;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Slack's error codes as delivery failures: which ones pass (retryable) and what the user should do about the
 * others. Slack's codes and scope names are safe to show; nothing else from a response is echoed.
 */
final class SlackApiErrors {

    private static final Set<String> AUTH = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
            "account_inactive");
    /** The server drops Slack's Retry-After; Slack's posting limit is about one message a second per channel. */
    static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(10);

    private static final Set<String> RATE = Set.of("ratelimited", "rate_limited", "message_limit_exceeded");
    private static final Set<String> SLACK_TROUBLE = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout");
    private static final Pattern SAFE_CODE = Pattern.compile("[a-z0-9_.:,]{1,80}");

    private SlackApiErrors() {
    }

    /** Slack answered {@code ok: false} with this error code. */
    static DeliveryException refused(String error, JsonNode body) {
        if (AUTH.contains(error)) {
            return permanent(NEEDS_REAUTH, "Slack no longer accepts YARNNN's access to this workspace (" + error
                    + "); reconnect Slack");
        }
        if (RATE.contains(error)) {
            return new DeliveryException("rate_limited",
                    "Slack is limiting how fast YARNNN may post to this channel; the export will be tried again",
                    true, RATE_LIMIT_PAUSE, null);
        }
        if (SLACK_TROUBLE.contains(error)) {
            return new DeliveryException("slack_unavailable", "Slack had a temporary problem (" + error
                    + "); the export will be tried again", true, null);
        }
        return switch (error) {
            case "channel_not_found" -> permanent(error, "The Slack channel was not found: it was deleted, or it is "
                    + "private and the YARNNN app has not been added to it");
            case "not_in_channel" -> permanent(error,
                    "The YARNNN app is not a member of this Slack channel; add it to the channel and export again");
            case "is_archived" -> permanent(error, "The Slack channel is archived; unarchive it or choose another one");
            case "msg_too_long" -> permanent(error, "Slack refused a message of the export as too long");
            case "no_text" -> permanent(error, "Slack refused a message of the export as empty");
            case "missing_scope" -> permanent(error, "The Slack connection lacks a permission YARNNN needs"
                    + needed(body) + "; reconnect Slack to grant it");
            case "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
                    "restricted_action_non_threadable_channel" -> permanent(error,
                    "This workspace's settings do not let the YARNNN app post in this channel");
            default -> permanent("slack_error", "Slack refused the export (" + safe(error) + ")");
        };
    }

    /** The server's own handler failed: {@code fetch failed} when Slack was unreachable, else a bad call. */
    static DeliveryException serverFailed(String message) {
        if (message.contains("fetch failed") || message.contains("JSON")) {
            return new DeliveryException("slack_unreachable",
                    "Slack could not be reached; the export will be tried again", true, null);
        }
        return permanent("slack_connector_error", "The Slack connector could not run the request");
    }

    private static String needed(JsonNode body) {
        String needed = body.path("needed").asString("");
        return SAFE_CODE.matcher(needed).matches() ? " (" + needed + ")" : "";
    }

    private static String safe(String error) {
        return SAFE_CODE.matcher(error).matches() ? error : "unknown error";
    }

    private static DeliveryException permanent(String code, String message) {
        return new DeliveryException(code, message, false, null);
    }
}
