package com.yarnnn.export.edge.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * The {@code application/problem+json} answers (RFC 9457 with this API's extra members) as reusable responses, and
 * those every route can give added to each: 400 where it reads input, 401 where it needs a token, 403 on the
 * operators' routes, 500 and 503 everywhere. A route names its own others ({@code @ApiResponse(ref = "NotFound")}).
 */
class ProblemAnswers implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM = "Problem";
    private static final String OPERATOR_ROUTES = "/api/ops/";

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        responses().forEach(components::addResponses);
        api.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> addCommonAnswers(path, operation)));
    }

    private static void addCommonAnswers(String path, Operation operation) {
        ApiResponses answers = operation.getResponses();
        if (answers.keySet().stream().allMatch(code -> code.startsWith("3"))) {
            return; // a route that redirects (the OAuth callback) answers its failures with the redirect too
        }
        boolean readsInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (readsInput) {
            answers.putIfAbsent("400", ref("BadRequest"));
        }
        boolean needsNoToken = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!needsNoToken) {
            answers.putIfAbsent("401", ref("Unauthorized"));
        }
        if (path.startsWith(OPERATOR_ROUTES)) {
            answers.putIfAbsent("403", ref("Forbidden"));
        }
        answers.putIfAbsent("500", ref("ServerError"));
        answers.putIfAbsent("503", ref("Unavailable"));
    }

    private static ApiResponse ref(String name) {
        return new ApiResponse().$ref(name);
    }

    /** RFC 9457's members, and the extra ones some answers carry. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; `detail` says what to do and never quotes a token or the "
                        + "request's content")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("Connect Slack first: Settings → Integrations"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/integrations/export"))
                .addProperty("code", new StringSchema()._enum(List.of("not_connected", "needs_reauth"))
                        .description("409 for a missing or broken connection: which button to offer"))
                .addProperty("available_providers", new ArraySchema().items(new StringSchema())
                        .description("400 for an unknown provider: the providers there are"))
                .required(List.of("title", "status", "detail"));
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        responses.put("BadRequest", problem("The request is malformed or a value is refused", 400,
                "limit must be 1 to 200"));
        responses.put("Unauthorized", problem("No bearer token, or one that is malformed, badly signed or expired",
                401, "The bearer token was refused: Jwt expired at 2026-11-25T09:00:00Z"));
        responses.put("Forbidden", problem("The token has no `operator` role", 403,
                "This route is for operators: the token has no 'operator' role"));
        responses.put("NotFound", problem("There is no such thing, or it belongs to another user", 404,
                "No export 6f1c1c1e-3b1a-4b8e-9a59-0c6b5d1e2f10"));
        responses.put("Conflict", problem("The state does not allow it (`code` tells a missing or broken connection)",
                409, "Connect Slack first: Settings → Integrations"));
        responses.put("ContentTooLarge", problem("The body or the content is over the maximum", 413,
                "content is 2000000 bytes (UTF-8); at most 1048576 bytes can be exported"));
        responses.put("UnsupportedMediaType", problem("The body is not `application/json`", 415,
                "Content-Type 'text/plain' is not supported"));
        responses.put("Unprocessable", problem("Well-formed but refused", 422,
                "The Idempotency-Key was used for another request"));
        responses.put("ExportFailed", exportFailed());
        responses.put("ServerError", problem("An unexpected failure; it was logged", 500,
                "An unexpected error occurred; it was logged"));
        ApiResponse unavailable = problem("PostgreSQL or Kafka is unreachable or failing: try again; a retry "
                + "with the same Idempotency-Key never creates a second export", 503,
                "The database is unavailable right now. Try again in a few seconds.");
        unavailable.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                .schema(new IntegerSchema().example(5)));
        responses.put("Unavailable", unavailable);
        return responses;
    }

    /**
     * {@code Prefer: wait=N} and the export failed within N s: 502, since the destination refused what the request
     * was right to ask, with the design's {@code success: false} and {@code error}.
     */
    private static ApiResponse exportFailed() {
        Schema<?> schema = new ComposedSchema().addAllOfItem(new Schema<>().$ref(SCHEMAS + PROBLEM))
                .addAllOfItem(new ObjectSchema()
                        .addProperty("success", new BooleanSchema().example(false))
                        .addProperty("error", new StringSchema().description("The export's error message"))
                        .addProperty("error_code", new StringSchema().example("channel_not_found"))
                        .addProperty("export_id", new StringSchema().format("uuid"))
                        .addProperty("export_status", new StringSchema()._enum(List.of("FAILED", "DEAD_LETTERED")))
                        .addProperty("status_url", new StringSchema()));
        Map<String, Object> example = example("Export failed", 502, "Slack says the channel does not exist");
        example.put("success", false);
        example.put("error", "Slack says the channel does not exist");
        example.put("error_code", "channel_not_found");
        example.put("export_id", ContractExamples.EXPORT_ID);
        example.put("export_status", "FAILED");
        example.put("status_url", "/api/exports/" + ContractExamples.EXPORT_ID);
        return new ApiResponse().description("With `Prefer: wait=N`: the export failed within N s")
                .addHeaderObject(ContractExamples.PREFERENCE_APPLIED, ContractExamples.preferenceApplied())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema).example(example)));
    }

    private static ApiResponse problem(String description, int status, String detail) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))
                        .example(example(HttpStatus.valueOf(status).getReasonPhrase(), status, detail))));
    }

    private static Map<String, Object> example(String title, int status, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        return example;
    }
}
