package com.yarnnn.export.edge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The committed contract ({@code docs/api/openapi.yaml}) is the one the application serves, compared as parsed
 * trees (JSONAssert, strict) so that formatting does not matter and each difference is named by its path; it
 * describes every {@code /api} route the application maps; it and its Swagger UI page are readable without a token.
 * With {@code -Dopenapi.write} the test writes the served contract to the committed file before comparing.
 */
class OpenApiContractTest extends ApiEdgeIntegrationTest {

    static final String COMMITTED_NAME = "docs/api/openapi.yaml";
    /** Surefire runs in the module's folder. */
    static final Path COMMITTED = Path.of("..").resolve(COMMITTED_NAME);
    static final String REGENERATE = "./mvnw -B -o -q -pl api-edge -am verify -Dtest=OpenApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void theCommittedContractIsTheServedOne() throws IOException, JSONException {
        ApiClient.Response served = api.get("/v3/api-docs.yaml", null);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        if (System.getProperty("openapi.write") != null) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served.body(), StandardCharsets.UTF_8);
        }
        String committed = asJson(Files.readString(COMMITTED, StandardCharsets.UTF_8));

        JSONAssert.assertEquals(COMMITTED_NAME + " differs from the contract api-edge serves at "
                + "/v3/api-docs.yaml (expected: committed, got: served); if the change is meant, regenerate it with\n  "
                + REGENERATE + "\nand commit it\n", committed, asJson(served.body()), JSONCompareMode.STRICT);
    }

    @Test
    void theContractDescribesEveryApiRouteAndItsSuccess() throws IOException {
        JsonNode paths = Yaml.mapper().readTree(api.get("/v3/api-docs.yaml", null).body()).path("paths");
        Set<String> described = new TreeSet<>();
        Set<String> withoutSuccess = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            String route = method.toUpperCase(Locale.ROOT) + " " + path;
            described.add(route);
            List<String> codes = new ArrayList<>();
            paths.path(path).path(method).path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2") || code.startsWith("3"))) {
                withoutSuccess.add(route);
            }
        }));

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern))));

        assertThat(described).containsAll(mapped).contains("POST /mcp");
        assertThat(withoutSuccess).as("operations that describe only their failures").isEmpty();
    }

    @Test
    void theContractAndItsPageAreReadableWithoutAToken() {
        ApiClient.Response json = api.get("/v3/api-docs", null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString())
                .isEqualTo("bearer");

        ApiClient.Response page = api.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';");
        assertThat(api.get("/v3/api-docs/swagger-config", null).status()).as("the page's configuration").isEqualTo(200);
        assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);

        assertThat(api.get("/api/exports", null).status()).as("the routes it describes still need a token")
                .isEqualTo(401);
    }

    /** The YAML as JSON text, read by the mapper springdoc writes with, so that values keep their types. */
    private static String asJson(String yaml) throws IOException {
        return Yaml.mapper().readTree(yaml).toString();
    }
}
