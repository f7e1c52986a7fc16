package com.yarnnn.export.connector.oauth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A hosted MCP server's authorization server could not be found, or refused to register this deployment as its
 * client: nobody can connect the vendor until it does. An HTTP API answers it as 502 problem+json. The message
 * names the vendor and the server's error code only, never a credential or the server's free text.
 */
public class McpAuthorizationException extends ErrorResponseException {

    /** The reason when discovery failed rather than a registration being refused. */
    static final String DISCOVERY_FAILED = "discovery_failed";

    private final String reason;

    McpAuthorizationException(String vendorName, String reason, Throwable cause) {
        super(HttpStatus.BAD_GATEWAY, problem(vendorName, reason), cause);
        this.reason = reason;
    }

    /** {@code discovery_failed}, or the registration error code the authorization server answered. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String vendorName, String reason) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
        problem.setTitle(vendorName + " cannot be connected right now");
        problem.setDetail(DISCOVERY_FAILED.equals(reason)
                ? "The authorization server of " + vendorName + "'s MCP server could not be found: try again later"
                : vendorName + "'s authorization server refused to register this server as its client (" + reason
                        + "): try again later");
        problem.setProperty("reason", reason);
        return problem;
    }
}
