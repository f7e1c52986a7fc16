package com.yarnnn.export.edge.oauth;

import com.yarnnn.export.edge.security.UserId;
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

    @GetMapping("/api/integrations/{provider}/oauth/start")
    ResponseEntity<StartAnswer> start(UserId user, @PathVariable String provider) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(StartAnswer.of(flow.authorizationUrl(user, provider)));
    }

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
