package com.yarnnn.export.edge.dev;

import com.yarnnn.export.edge.security.AuthProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dev/login {user_id}}: a bearer token for any user (with {@code roles}, e.g. an operator), signed like the product's auth signs them, so
 * the web page can be used on a local stack. Exists only with {@code yarnnn.dev.enabled=true}; otherwise the route is
 * unknown (404).
 */
@RestController
@Tag(name = "dev", description = "Only with `yarnnn.dev.enabled=true` (the local stack); unknown routes otherwise")
@ConditionalOnProperty(name = "yarnnn.dev.enabled", havingValue = "true")
class DevLoginController {

    static final Duration VALID_FOR = Duration.ofHours(12);

    /**
     * @param audience the token's {@code aud}, e.g. the MCP endpoint's URL for an assistant's token; none by default
     * @param roles    the token's {@code roles} claim, e.g. {@code ["operator"]} for the operators' routes and page
     */
    record DevLoginRequest(@NotNull(message = "'user_id' is required (a UUID)") UUID userId, String audience,
            List<@Pattern(regexp = "[a-z_]{1,32}", message = "each of 'roles' must be a role name such as operator")
                    String> roles) {
    }

    record DevLogin(UUID userId, String token, Instant expiresAt) {

        /** The token stays out of logs. */
        @Override
        public String toString() {
            return "DevLogin[userId=" + userId + ", token=<hidden>, expiresAt=" + expiresAt + "]";
        }
    }

    private final JwtEncoder encoder;
    private final Clock clock;

    DevLoginController(AuthProperties auth, Clock clock) {
        this.encoder = NimbusJwtEncoder.withSecretKey(auth.signingKey()).algorithm(MacAlgorithm.HS256).build();
        this.clock = clock;
    }

    @Operation(operationId = "devLogin", summary = "A bearer token for any user (no bearer token needed)")
    @SecurityRequirements
    @PostMapping("/api/dev/login")
    ResponseEntity<DevLogin> login(@Valid @RequestBody DevLoginRequest request) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(VALID_FOR);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(request.userId().toString())
                .issuedAt(now)
                .expiresAt(expiresAt);
        if (request.audience() != null && !request.audience().isBlank()) {
            claims.audience(List.of(request.audience()));
        }
        if (request.roles() != null && !request.roles().isEmpty()) {
            claims.claim("roles", List.copyOf(request.roles()));
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new DevLogin(request.userId(), token, expiresAt));
    }
}
