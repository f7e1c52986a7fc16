package com.yarnnn.export.edge.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.FixedClockAndScriptedIds;
import com.yarnnn.export.edge.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With dev mode on, the page's sign-in issues a token for any user id, which the API then accepts as that user. */
@TestPropertySource(properties = "yarnnn.dev.enabled=true")
class DevLoginTest extends ApiEdgeIntegrationTest {

    @Test
    void issuesATokenForTheUserThatTheApiAccepts() throws Exception {
        UUID user = UUID.randomUUID();

        ApiClient.Response login = api.postJson("/api/dev/login", null, Map.of("user_id", user.toString()), Map.of());

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).contains("no-store");
        String token = login.json().path("token").asString();
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(user.toString());
        Instant expiry = FixedClockAndScriptedIds.NOW.plus(DevLoginController.VALID_FOR);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(expiry.truncatedTo(ChronoUnit.SECONDS));
        assertThat(login.json().path("user_id").asString()).isEqualTo(user.toString());

        ApiClient.Response connected = api.get("/api/integrations/connected", token);
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
    }

    @Test
    void issuesAnOperatorsTokenWhenAskedForTheRoleAndOnlyThen() throws Exception {
        UUID user = UUID.randomUUID();
        String operator = api.postJson("/api/dev/login", null,
                Map.of("user_id", user.toString(), "roles", List.of("operator")), Map.of()).json().path("token")
                .asString();
        String plain = api.postJson("/api/dev/login", null, Map.of("user_id", user.toString()), Map.of()).json()
                .path("token").asString();

        assertThat(SignedJWT.parse(operator).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("operator");
        assertThat(SignedJWT.parse(plain).getJWTClaimsSet().getClaim("roles")).isNull();
        assertThat(api.get("/api/ops/breakers", operator).status()).isEqualTo(200);
        assertThat(api.get("/api/ops/breakers", plain).status()).isEqualTo(403);
        assertProblem(api.postJson("/api/dev/login", null, Map.of("user_id", user.toString(), "roles",
                List.of("Operator!")), Map.of()), 400, "each of 'roles' must be a role name");
    }

    @Test
    void aMissingOrMalformedUserIdIsABadRequest() {
        assertProblem(api.postJson("/api/dev/login", null, Map.of(), Map.of()), 400, "'user_id' is required");
        assertProblem(api.postJson("/api/dev/login", null, Map.of("user_id", "ann"), Map.of()), 400, "user_id");
    }

    @Test
    void theOtherDevRoutesStillNeedAToken() {
        ApiClient.Response unauthenticated = api.get("/api/integrations/connected", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(api.get("/api/integrations/connected", TestTokens.forUser(UUID.randomUUID())).status())
                .isEqualTo(200);
    }
}
