package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.mcp.remote.RemoteServer;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider declared in configuration ({@code yarnnn.providers.hosted.<id>}): the vendor's hosted MCP server
 * ({@code yarnnn.mcp.remote.servers.<server>}) called with the user's connection, and a {@link HostedToolMapping}
 * saying which tools deliver. Every step around the mapping is this class's: opening the connection with a valid
 * token, renewing it when the server refuses it, and on a later attempt looking for what an earlier one left.
 */
public class HostedMcpExportProvider implements ExportProvider {

    /** Generous: the vendor's own 429s set the pace; this budget is there to be paused. */
    static final int CONNECTION_EXPORTS_PER_MINUTE = 600;

    private final ProviderDescriptor descriptor;
    private final HostedToolMapping mapping;
    private final RemoteMcpSessions sessions;
    private final RemoteServer server;
    private final ProviderConnections connections;

    public HostedMcpExportProvider(ProviderDescriptor descriptor, HostedToolMapping mapping, RemoteMcpSessions sessions,
            RemoteServer server, ProviderConnections connections) {
        this.descriptor = descriptor;
        this.mapping = mapping;
        this.sessions = sessions;
        this.server = server;
        this.connections = connections;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    /** The mapping this provider delivers with. */
    public HostedToolMapping mapping() {
        return mapping;
    }

    @Override
    public void checkDestination(String destinationId) {
        mapping.checkDestination(destinationId);
    }

    /**
     * The mapping's budgets, then one for the connection: a vendor's 429 pauses the most specific budget, so a
     * mapping that declares none still has its slow-down scoped to the connection that was told, not the provider.
     */
    @Override
    public List<RateBudget> budgets(ExportRequested request) {
        List<RateBudget> budgets = new ArrayList<>(mapping.budgets(request));
        budgets.add(new RateBudget(descriptor.id() + ":connection:" + request.connectionId(),
                "this " + descriptor.displayName() + " connection", CONNECTION_EXPORTS_PER_MINUTE,
                Duration.ofMinutes(1)));
        return budgets;
    }

    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        return mapping.deliver(tools(connections.open(request.connectionId())), request);
    }

    @Override
    public DeliveryReceipt redeliver(ExportRequested request) {
        HostedTools tools = tools(connections.open(request.connectionId()));
        return mapping.findEarlier(tools, request).orElseGet(() -> mapping.deliver(tools, request));
    }

    @Override
    public boolean listsDestinations() {
        return mapping.listsDestinations();
    }

    @Override
    public List<Destination> destinations(ActiveConnection connection) {
        return mapping.destinations(tools(connection));
    }

    @Override
    public void validateConnection(ActiveConnection connection) {
        mapping.validate(tools(connection));
    }

    private HostedTools tools(ActiveConnection connection) {
        return new HostedTools(sessions, server, connection.connection().id(), connections.tokens(connection),
                descriptor.id());
    }
}
