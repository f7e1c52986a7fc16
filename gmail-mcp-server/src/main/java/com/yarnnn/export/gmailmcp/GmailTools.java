package com.yarnnn.export.gmailmcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's two tools: {@code send_message} (a MIME message with plain text and HTML alternatives) and
 * {@code get_profile} (a cheap check that the token works). Logs what happened, never bodies, addresses or tokens.
 */
final class GmailTools {

    private static final Logger log = LoggerFactory.getLogger(GmailTools.class);

    private static final String SEND_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "to": {"type": "array", "items": {"type": "string"}, "minItems": 1, "description": "recipient email addresses"},
                "cc": {"type": "array", "items": {"type": "string"}, "description": "copied email addresses"},
                "subject": {"type": "string", "minLength": 1},
                "text": {"type": "string", "description": "the plain text alternative"},
                "html": {"type": "string", "description": "the HTML alternative"},
                "export_ref": {"type": "string", "description": "the sender's reference, sent as X-YARNNN-Export-Ref"}
              },
              "required": ["to", "subject", "text", "html"]
            }
            """;
    private static final String EMPTY_SCHEMA = """
            {"type": "object", "properties": {}}
            """;

    private final GmailApi gmail;
    private final ToolResults results;
    private final Clock clock;
    private final Supplier<String> uniqueIds;

    GmailTools(GmailApi gmail, ToolResults results, Clock clock, Supplier<String> uniqueIds) {
        this.gmail = gmail;
        this.results = results;
        this.clock = clock;
        this.uniqueIds = uniqueIds;
    }

    List<SyncToolSpecification> specifications(McpJsonMapper mapper) {
        return List.of(
                tool(mapper, "send_message", "Send an email (plain text and HTML alternatives) from the connected Gmail account; "
                        + "returns Gmail's {id, threadId, labelIds}", SEND_SCHEMA, this::sendMessage),
                tool(mapper, "get_profile", "The connected Gmail account's address and counters", EMPTY_SCHEMA,
                        arguments -> getProfile()));
    }

    McpSchema.CallToolResult sendMessage(Map<String, Object> arguments) {
        OutgoingEmail email;
        try {
            email = OutgoingEmail.fromArguments(arguments);
        } catch (InvalidInputException e) {
            log.info("send_message refused: invalid input");
            return results.invalidInput(e.getMessage());
        }
        byte[] mime = MimeEmail.render(email, clock.instant(), uniqueIds.get());
        return call("send_message", () -> gmail.send(mime),
                "%d recipients, %d bytes".formatted(email.recipientCount(), mime.length));
    }

    McpSchema.CallToolResult getProfile() {
        return call("get_profile", gmail::profile, "");
    }

    private McpSchema.CallToolResult call(String tool, GmailCall request, String details) {
        long started = System.nanoTime();
        try {
            GmailResponse response = request.execute();
            log.info("{} -> HTTP {} in {} ms {}", tool, response.status(), (System.nanoTime() - started) / 1_000_000, details);
            return response.ok() ? results.success(response.body()) : results.apiError(response);
        } catch (IOException e) {
            log.warn("{} -> Gmail API unreachable: {}", tool, e.getClass().getSimpleName());
            return results.unreachable("The Gmail API could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return results.unreachable("Interrupted while calling the Gmail API");
        }
    }

    private static SyncToolSpecification tool(McpJsonMapper mapper, String name, String description, String schema,
            Function<Map<String, Object>, McpSchema.CallToolResult> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(mapper, schema).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> handler.apply(
                        request.arguments() != null ? request.arguments() : Map.of()))
                .build();
    }

    @FunctionalInterface
    private interface GmailCall {
        GmailResponse execute() throws IOException, InterruptedException;
    }
}
