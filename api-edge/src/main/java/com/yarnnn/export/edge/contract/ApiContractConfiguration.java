package com.yarnnn.export.edge.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.yarnnn.export.edge.security.UserId;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's contract as springdoc serves it at {@code /v3/api-docs} (and the Swagger UI page), committed as
 * {@code docs/api/openapi.yaml}: the routes as the controllers declare them, the bearer JWT every route needs unless
 * it says otherwise, the problem answers every route can give, and {@code /mcp}, which is a servlet springdoc cannot
 * see. The server is the relative {@code /}, so the document is the same wherever it is served.
 */
@Configuration(proxyBeanMethods = false)
class ApiContractConfiguration {

    static final String BEARER = "bearer-jwt";

    static {
        // the caller's id comes from the token, not from the request
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(UserId.class);
    }

    /** The schemas' property names as the API writes them ({@code spring.jackson.property-naming-strategy}). */
    @Bean
    ModelResolver snakeCaseSchemas(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper().copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI apiContract() {
        return new OpenAPI()
                .info(new Info().title("YARNNN export API").version("1")
                        .description("""
                                Queue exports of deliverables to Slack, Notion, Gmail or a folder, follow them, and \
                                manage the connected accounts they go through. Every error is \
                                `application/problem+json` (RFC 9457). See docs/api.md."""))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("HS256, signed with YARNNN_JWT_SECRET; `sub` is the user's UUID, `exp` "
                                        + "required; the operators' routes need `operator` in the `roles` claim")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** {@code /mcp} first, so that it gets the common problem answers too. */
    @Bean
    OpenApiCustomizer mcpEndpointAndProblemAnswers() {
        OpenApiCustomizer mcp = new McpEndpointDescription();
        OpenApiCustomizer problems = new ProblemAnswers();
        return api -> {
            mcp.customise(api);
            problems.customise(api);
        };
    }
}
