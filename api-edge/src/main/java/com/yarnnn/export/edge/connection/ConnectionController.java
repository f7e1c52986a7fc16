package com.yarnnn.export.edge.connection;

import com.yarnnn.export.edge.security.UserId;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's connected accounts: list, disconnect, where each can export to, and whether it still works. */
@RestController
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

    @GetMapping("/api/integrations/connected")
    ConnectedIntegrations connected(UserId user) {
        List<ConnectedIntegration> connected = connections.list(user.value()).stream()
                .map(c -> ConnectedIntegration.of(c, connections.displayName(c.providerId())))
                .toList();
        return new ConnectedIntegrations(connected, connected);
    }

    @DeleteMapping("/api/integrations/{provider}")
    Disconnected disconnect(UserId user, @PathVariable String provider) {
        connections.disconnect(user.value(), provider);
        return new Disconnected(true);
    }

    @PostMapping("/api/integrations/{provider}/validate")
    Validated validate(UserId user, @PathVariable String provider) {
        connections.validate(user.value(), provider);
        return new Validated(provider, true);
    }

    @GetMapping("/api/integrations/{provider}/destinations")
    Destinations destinations(UserId user, @PathVariable String provider) {
        return new Destinations(connections.destinations(user.value(), provider).stream()
                .map(ListedDestination::of).toList());
    }
}
