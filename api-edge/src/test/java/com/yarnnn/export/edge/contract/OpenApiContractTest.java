package com.yarnnn.export.edge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarnnn.export.edge.ApiClient;
import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed contract ({@code docs/api/openapi.yaml}) is the one the application serves, compared as parsed
 * trees so that formatting does not matter; it describes every {@code /api} route the application maps; it and its
 * Swagger UI page are readable without a token. With {@code -Dopenapi.write} the test writes the served contract to
 * the committed file instead of comparing.
 */
class OpenApiContractTest extends ApiEdgeIntegrationTest {

    /** Surefire runs in the module's folder. */
    static final Path COMMITTED = Path.of("..", "docs", "api", "openapi.yaml");
    static final String REGENERATE = "./mvnw -B -o -q -pl api-edge -am verify -Dtest=OpenApiContractTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void theCommittedContractIsTheServedOne() throws IOException {
        ApiClient.Response served = api.get("/v3/api-docs.yaml", null);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        if (System.getProperty("openapi.write") != null) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served.body(), StandardCharsets.UTF_8);
        }
        Object committed = parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));

        assertThat(parse(served.body()))
                .as("%s differs from the contract api-edge serves at /v3/api-docs.yaml; if the change is meant, "
                        + "regenerate it with%n  %s%nand commit it", COMMITTED.normalize(), REGENERATE)
                .usingRecursiveComparison()
                .isEqualTo(committed);
    }

    @Test
    void theContractDescribesEveryApiRoute() {
        Map<String, Object> paths = paths(api.get("/v3/api-docs.yaml", null).body());
        Set<String> described = new TreeSet<>();
        paths.forEach((path, item) -> ((Map<?, ?>) item).keySet()
                .forEach(method -> described.add(method.toString().toUpperCase() + " " + path)));

        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern))));

        assertThat(described).containsAll(mapped).contains("POST /mcp");
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
        assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);

        assertThat(api.get("/api/exports", null).status()).as("the routes it describes still need a token")
                .isEqualTo(401);
    }

    private static Object parse(String yaml) {
        return new Yaml().load(yaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths(String yaml) {
        return (Map<String, Object>) ((Map<String, Object>) parse(yaml)).get("paths");
    }
}
