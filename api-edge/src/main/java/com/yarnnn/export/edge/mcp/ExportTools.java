package com.yarnnn.export.edge.mcp;

import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.connection.UserConnections;
import com.yarnnn.export.edge.export.ExportAccepted;
import com.yarnnn.export.edge.export.ExportRequestBody;
import com.yarnnn.export.edge.export.ExportRequestService;
import com.yarnnn.export.edge.export.ExportTitle;
import com.yarnnn.export.edge.problem.ProblemDescription;
import com.yarnnn.export.edge.requeue.OwnerRetries;
import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.edge.status.ExportFilter;
import com.yarnnn.export.edge.status.ExportPage;
import com.yarnnn.export.edge.status.ExportQueries;
import com.yarnnn.export.edge.status.ExportStatusView;
import com.yarnnn.export.schemas.event.ExportState;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools an assistant exports with, on the same services as the HTTP API: the same validation, the same problem
 * messages (as tool errors the model can act on), the same per-user isolation (another user's export is not found).
 */
final class ExportTools {

    private static final Logger log = LoggerFactory.getLogger(ExportTools.class);

    private final ProviderRegistry providers;
    private final UserConnections connections;
    private final ExportRequestService exports;
    private final ExportQueries queries;
    private final OwnerRetries retries;
    private final Validator validator;
    private final ToolCallBudget budget;
    private final ExportProgress progress;
    private final ExportResourceUpdates updates;
    private final ToolAnswers answers;
    private final Duration maxWait;

    ExportTools(ProviderRegistry providers, UserConnections connections, ExportRequestService exports,
            ExportQueries queries, OwnerRetries retries, Validator validator, ToolCallBudget budget,
            ExportProgress progress, ExportResourceUpdates updates, ToolAnswers answers, Duration maxWait) {
        this.providers = providers;
        this.connections = connections;
        this.exports = exports;
        this.queries = queries;
        this.retries = retries;
        this.validator = validator;
        this.budget = budget;
        this.progress = progress;
        this.updates = updates;
        this.answers = answers;
        this.maxWait = maxWait;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                tool(ToolDefinitions.LIST_INTEGRATIONS, this::listIntegrations),
                tool(ToolDefinitions.LIST_DESTINATIONS, this::listDestinations),
                tool(ToolDefinitions.exportDeliverable(maxWait), this::exportDeliverable),
                tool(ToolDefinitions.GET_EXPORT, this::getExport),
                tool(ToolDefinitions.LIST_EXPORTS, this::listExports),
                tool(ToolDefinitions.RETRY_EXPORT, this::retryExport));
    }

    /** What a tool does for the user, given its arguments and the call. */
    @FunctionalInterface
    private interface Handler {
        CallToolResult handle(UUID user, ToolArguments arguments, Call call);
    }

    /** The call's exchange, for progress, and its progress token, if the caller asked for progress. */
    private record Call(McpSyncServerExchange exchange, Object progressToken) {
    }

    private static SyncToolSpecification tool(Tool definition, Handler handler) {
        return SyncToolSpecification.builder().tool(definition).callHandler(forTheCaller(handler)).build();
    }

    /** Every call is made for the user the token names. */
    private static BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> forTheCaller(Handler handler) {
        return (exchange, request) -> {
            Optional<UUID> user = McpCaller.of(exchange.transportContext());
            if (user.isEmpty()) {
                return ToolAnswers.error("No authenticated user: send a bearer token issued for this endpoint");
            }
            return handler.handle(user.get(), new ToolArguments(request.arguments()),
                    new Call(exchange, request.meta() != null ? request.meta().get("progressToken") : null));
        };
    }

    /** Within the user's budget, with failures answered as tool errors in the HTTP API's words. */
    private CallToolResult answer(UUID user, boolean changesState, boolean hasIdempotencyKey,
            Supplier<CallToolResult> work) {
        Optional<Duration> wait = budget.spend(user);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return ToolAnswers.error("Too many tool calls: try again in " + seconds + " s (retry_after_seconds="
                    + seconds + ")");
        }
        try {
            return work.get();
        } catch (ToolArguments.InvalidArgumentException wrong) {
            return ToolAnswers.error(wrong.getMessage());
        } catch (RuntimeException failure) {
            ProblemDescription problem = ProblemDescription.of(failure, changesState, hasIdempotencyKey);
            if (problem.isUnexpected()) {
                log.error("MCP tool call failed unexpectedly", failure);
            }
            return ToolAnswers.error(problem.detail() + " (HTTP " + problem.status().value() + " "
                    + problem.status().getReasonPhrase() + ")");
        }
    }

    private CallToolResult listIntegrations(UUID user, ToolArguments arguments, Call call) {
        return answer(user, false, false, () -> {
            List<Connection> connected = connections.list(user);
            List<Map<String, Object>> integrations = providers.available().stream().map(provider -> {
                Optional<Connection> connection = connected.stream()
                        .filter(c -> c.providerId().equals(provider.id())).findFirst();
                Map<String, Object> integration = new LinkedHashMap<>();
                integration.put("id", provider.id());
                integration.put("name", provider.displayName());
                integration.put("description", provider.description());
                integration.put("requires_connection", provider.requiresConnection());
                integration.put("connected", !provider.requiresConnection() || connection.isPresent());
                integration.put("status", connection.map(c -> c.status().dbValue()).orElse(null));
                integration.put("account_name", connection.map(Connection::accountName).orElse(null));
                return integration;
            }).toList();
            return answers.success(integrations.size() + " integrations",
                    Map.of("integrations", integrations));
        });
    }

    private CallToolResult listDestinations(UUID user, ToolArguments arguments, Call call) {
        return answer(user, false, false, () -> {
            String provider = arguments.requiredText("provider");
            List<Map<String, Object>> destinations = connections.destinations(user, provider).stream()
                    .map(answers::object).toList();
            return answers.success(destinations.size() + " destinations in " + provider,
                    Map.of("destinations", destinations));
        });
    }

    private CallToolResult exportDeliverable(UUID user, ToolArguments arguments, Call call) {
        Optional<String> key = arguments.text("idempotency_key");
        return answer(user, true, key.isPresent(), () -> {
            int waitSeconds = arguments.integer("wait_seconds", 0, (int) maxWait.toSeconds(), 0);
            ExportRequestBody body = new ExportRequestBody(arguments.text("provider").orElse(null),
                    arguments.text("destination_id").orElse(null), arguments.text("content").orElse(null),
                    arguments.text("title").orElse(null), arguments.uuid("deliverable_version_id").orElse(null),
                    arguments.uuid("deliverable_id").orElse(null), arguments.text("destination_name").orElse(null));
            String violations = validator.validate(body).stream()
                    .map(ConstraintViolation::getMessage).sorted().collect(Collectors.joining("; "));
            if (!violations.isEmpty()) {
                return ToolAnswers.error(violations.replace("provider_id", "provider"));
            }
            ExportAccepted accepted = exports.request(new UserId(user), body, key.orElse(null));
            updates.watch(user, accepted.exportId(), accepted.status());
            if (waitSeconds == 0) {
                return answers.success(accepted(accepted, body), acceptedObject(accepted, body));
            }
            ExportStatusView view = progress.await(accepted.status(), queries.owned(user, accepted.exportId()),
                    Duration.ofSeconds(waitSeconds), call.exchange(), call.progressToken());
            return answers.success(sentence(view), exportObject(view));
        });
    }

    private CallToolResult getExport(UUID user, ToolArguments arguments, Call call) {
        return answer(user, false, false, () -> {
            ExportStatusView view = queries.owned(user, arguments.requiredUuid("export_id"));
            updates.watch(user, view.exportId(), view.status());
            return answers.success(sentence(view), exportObject(view));
        });
    }

    private CallToolResult listExports(UUID user, ToolArguments arguments, Call call) {
        return answer(user, false, false, () -> {
            ExportState status = arguments.text("status").map(ExportTools::state).orElse(null);
            ExportFilter filter = new ExportFilter(status, arguments.text("provider").orElse(null),
                    arguments.uuid("deliverable_id").orElse(null), null, null, null);
            ExportPage page = queries.page(user, filter, arguments.integer("limit", 1, 200, 20),
                    arguments.text("cursor").orElse(null));
            Map<String, Object> structured = new LinkedHashMap<>();
            structured.put("exports", page.exports().stream().map(this::exportObject).toList());
            structured.put("next_cursor", page.nextCursor());
            return answers.success(page.exports().size() + " exports"
                    + (page.nextCursor() != null ? "; more with the next_cursor" : ""), structured);
        });
    }

    private CallToolResult retryExport(UUID user, ToolArguments arguments, Call call) {
        return answer(user, true, false, () -> {
            UUID exportId = arguments.requiredUuid("export_id");
            retries.retry(exportId, user);
            ExportStatusView view = queries.owned(user, exportId);
            updates.watch(user, exportId, view.status());
            return answers.success(sentence(view), exportObject(view));
        });
    }

    /** The answer to an export just accepted, from what the call knows: no read of what it just wrote. */
    private static Map<String, Object> acceptedObject(ExportAccepted accepted, ExportRequestBody body) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("export_id", accepted.exportId().toString());
        export.put("status", accepted.status().name());
        export.put("provider_id", body.providerId());
        export.put("destination_id", body.destinationId());
        export.put("title", ExportTitle.of(body));
        export.put("status_url", accepted.statusUrl());
        export.put("resource_uri", ExportResources.uri(accepted.exportId()));
        return export;
    }

    private static String accepted(ExportAccepted accepted, ExportRequestBody body) {
        return "Export " + accepted.exportId() + " to " + body.providerId() + " (" + body.destinationId() + ") is "
                + accepted.status() + "; get_export follows it";
    }

    private Map<String, Object> exportObject(ExportStatusView view) {
        Map<String, Object> export = answers.object(view);
        export.put("status_url", ExportAccepted.of(view.exportId(), view.status()).statusUrl());
        export.put("resource_uri", ExportResources.uri(view.exportId()));
        return export;
    }

    private static String sentence(ExportStatusView view) {
        String where = view.destinationName() != null ? view.destinationName() : view.destinationId();
        return switch (view.status()) {
            case SUCCEEDED -> "Export " + view.exportId() + " to " + view.providerId() + " (" + where
                    + ") SUCCEEDED" + (view.externalUrl() != null ? ": " + view.externalUrl() : "");
            case FAILED, DEAD_LETTERED -> "Export " + view.exportId() + " " + view.status()
                    + (view.error() != null ? ": " + view.error().message() : "") + "; retry_export sends it again";
            default -> "Export " + view.exportId() + " to " + view.providerId() + " (" + where + ") is "
                    + view.status() + "; get_export follows it";
        };
    }

    private static ExportState state(String name) {
        try {
            return ExportState.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new ToolArguments.InvalidArgumentException("status must be one of "
                    + Arrays.toString(ExportState.values()));
        }
    }
}
