package com.yarnnn.export.connector.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one way Slack, Notion and Gmail reach a connected account: its connection, then its own MCP session. */
class ProviderConnectionsTest {

    private final List<UUID> opened = new ArrayList<>();
    private final ProviderConnections connections = new ProviderConnections("slack", id -> {
        opened.add(id);
        return active(id);
    }, "Connect a Slack workspace to export to Slack");

    @Test
    void aRequestWithoutAConnectionIsNotConnectedAndOpensNothing() {
        assertThatThrownBy(() -> connections.open(null))
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.code()).isEqualTo("not_connected"))
                .hasMessage("Connect a Slack workspace to export to Slack");
        assertThat(opened).isEmpty();
    }

    @Test
    void opensTheConnectionThroughConnectionAccess() {
        UUID id = UUID.randomUUID();

        assertThat(connections.open(id).connection().id()).isEqualTo(id);
        assertThat(opened).containsExactly(id);
    }

    @Test
    void eachConnectionHasItsOwnSessionNamedAfterTheProvider() {
        UUID id = UUID.randomUUID();

        McpServerSpec server = connections.server(active(id), "node", List.of("server.js"), Map.of("TOKEN", "t"));

        assertThat(server.name()).isEqualTo("slack");
        assertThat(server.key()).isEqualTo("slack:" + id).isEqualTo(McpServerSpec.connectionKey("slack", id));
        assertThat(server.command()).isEqualTo("node");
        assertThat(server.args()).containsExactly("server.js");
        assertThat(server.env()).containsExactlyEntriesOf(Map.of("TOKEN", "t"));
    }

    private static ActiveConnection active(UUID id) {
        return new ActiveConnection(new Connection(id, UUID.randomUUID(), "slack", "T0001", "Acme", Map.of(),
                ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")), Secret.of("xoxb-token"));
    }
}
