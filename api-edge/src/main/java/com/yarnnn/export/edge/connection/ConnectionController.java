package com.yarnnn.export.edge.connection;

import com.yarnnn.export.edge.security.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's connected accounts: list, disconnect, where each can export to, and whether it still works. */
@RestController
@Tag(name = "integrations")
class ConnectionController {

    /**
     * The answer of {@code GET /api/integrations/connected}: the same list under the design's name
     * ({@code integrations}) and this API's first one ({@code connections}).
     */
    record ConnectedIntegrations(List<ConnectedIntegration> integrations, List<ConnectedIntegration> connections) {
    }

    /** The answer of {@code GET /api/integrations/{provider}/destinations}. */
    record Destinations(List<ListedDestination> destinations) {
    }

    /** The answer of {@code DELETE /api/integrations/{provider}}, as the design has it. */
    record Disconnected(boolean success) {
    }

    /** The answer of {@code POST /api/integrations/{provider}/validate}. */
    record Validated(String provider, boolean valid) {
    }

    private final UserConnections connections;

    ConnectionController(UserConnections connections) {
        this.connections = connections;
    }

    @Operation(operationId = "listConnections", summary = "The caller's connected accounts (never a token)",
            description = "`integrations` (the design's name) and `connections` are the same list.")
    @GetMapping("/api/integrations/connected")
    ConnectedIntegrations connected(UserId user) {
        List<ConnectedIntegration> connected = connections.list(user.value()).stream()
                .map(c -> ConnectedIntegration.of(c, connections.displayName(c.providerId())))
                .toList();
        return new ConnectedIntegrations(connected, connected);
    }

    @Operation(operationId = "disconnect", summary = "Disconnect the caller's accounts of the provider",
            description = "Revokes the tokens at the vendor (best effort), deletes the connection, stops its MCP server.")
    @ApiResponse(responseCode = "200", description = "Disconnected", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @DeleteMapping("/api/integrations/{provider}")
    Disconnected disconnect(UserId user, @PathVariable String provider) {
        connections.disconnect(user.value(), provider);
        return new Disconnected(true);
    }

    @Operation(operationId = "validateConnection", summary = "Prove the connection with the provider's cheapest call",
            description = "A token the vendor refuses is 409 `needs_reauth`, and the connection is marked so.")
    @ApiResponse(responseCode = "200", description = "The connection works", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/api/integrations/{provider}/validate")
    Validated validate(UserId user, @PathVariable String provider) {
        connections.validate(user.value(), provider);
        return new Validated(provider, true);
    }

    @Operation(operationId = "listDestinations", summary = "Where the caller's account can export to",
            description = "Listed by the provider (channels, pages, …), cached 60 s per connection; `type` and `kind` "
                    + "are the same. 409 (`code`: `not_connected`, `needs_reauth`) without a working connection.")
    @ApiResponse(responseCode = "200", description = "The destinations", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @GetMapping("/api/integrations/{provider}/destinations")
    Destinations destinations(UserId user, @PathVariable String provider) {
        return new Destinations(connections.destinations(user.value(), provider).stream()
                .map(ListedDestination::of).toList());
    }
}
