package com.yarnnn.export.edge.oauth;

import com.yarnnn.export.edge.security.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/integrations/{provider}/oauth/start} (bearer token) answers the URL to send the user to;
 * {@code GET /api/integrations/{provider}/oauth/callback} (no bearer token: the browser comes from the vendor)
 * always answers a redirect to the settings page.
 */
@RestController
@Tag(name = "integrations")
class OAuthFlowController {

    /**
     * The answer of the start route: the design's {@code auth_url} and {@code state}, and the same URL under the name
     * this API answered first.
     */
    record StartAnswer(String authUrl, String state, String authorizationUrl) {

        static StartAnswer of(OAuthFlow.AuthorizationStart start) {
            return new StartAnswer(start.url().toString(), start.state(), start.url().toString());
        }
    }

    private final OAuthFlow flow;

    OAuthFlowController(OAuthFlow flow) {
        this.flow = flow;
    }

    @Operation(operationId = "startOAuth", summary = "The vendor URL to send the user to, to connect an account",
            description = "`auth_url` (the design's name) and `authorization_url` are the same URL.")
    @ApiResponse(responseCode = "200", description = "Where to send the user; not to be cached", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @GetMapping("/api/integrations/{provider}/oauth/start")
    ResponseEntity<StartAnswer> start(UserId user, @PathVariable String provider) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(StartAnswer.of(flow.authorizationUrl(user, provider)));
    }

    @Operation(operationId = "completeOAuth", summary = "Where the vendor sends the browser back (no bearer token)",
            description = "The signed `state` says whose authorization it is. Saves the connection and always "
                    + "answers 302 to the settings page.",
            responses = @ApiResponse(responseCode = "302", description = "To `${yarnnn.oauth.settings-url}"
                    + "?connected=<provider>` or `?error=<code>&message=<text>` (`access_denied`, "
                    + "`authorization_failed`, `invalid_state`, `expired_state`, `used_state`, `exchange_failed`, "
                    + "`not_configured`, `server_error`)",
                    headers = @Header(name = "Location", description = "The settings page")))
    @SecurityRequirements
    @GetMapping("/api/integrations/{provider}/oauth/callback")
    ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(flow.complete(provider, new OAuthCallback(code, state, error)))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
