package com.yarnnn.export.edge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page is served without a token, under a strict content security policy; the API behind it still needs one. */
class WebPageTest extends ApiEdgeIntegrationTest {

    @Test
    void everyRouteOfThePageAnswersItsDocument() {
        for (String route : new String[] {"/", "/sign-in", "/settings/integrations?connected=slack",
                "/deliverables/" + UUID.randomUUID(), "/ops"}) {
            ApiClient.Response page = api.get(route, null);

            assertThat(page.status()).as(route).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<div id=\"root\"></div>");
            assertThat(page.header("Content-Security-Policy")).isEqualTo(WebPageSecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void itsScriptIsServedAndCachedForGood() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(api.get("/", null).body());
        assertThat(script.find()).isTrue();

        ApiClient.Response asset = api.get(script.group(1), null);

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.contentType()).startsWith("text/javascript");
        assertThat(asset.header("Cache-Control")).contains("max-age=31536000");
    }

    @Test
    void theApiStillNeedsABearerToken() {
        assertThat(api.get("/api/integrations/available", null).status()).isEqualTo(401);
        assertThat(api.get("/assets/../api/integrations/available", null).status()).isIn(400, 401, 404);
    }

    @Test
    void theDevLoginDoesNotExistUnlessDevModeIsOn() {
        Map<String, String> body = Map.of("user_id", UUID.randomUUID().toString());

        assertProblem(api.postJson("/api/dev/login", null, body, Map.of()), 404, "There is no POST /api/dev/login in this API");
        assertProblem(api.postJson("/api/dev/login", TestTokens.forUser(UUID.randomUUID()), body, Map.of()), 404,
                "There is no POST /api/dev/login in this API");
    }
}
