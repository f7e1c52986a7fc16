package com.yarnnn.export.edge.mcp;

import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.connection.UserConnections;
import com.yarnnn.export.edge.export.ExportRequestService;
import com.yarnnn.export.edge.requeue.OwnerRetries;
import com.yarnnn.export.edge.status.ExportQueries;
import com.yarnnn.export.edge.status.StatusStreams;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * YARNNN's own MCP server on {@code /mcp} (Streamable HTTP, the SDK's servlet transport). Sessions are kept, so a
 * call that waits can send progress and a subscriber hears about its exports; everything a tool reads or writes is
 * in PostgreSQL and Kafka, so a client whose session an instance does not know (another instance, a restart) gets
 * 404 and initialises again, as the specification has it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
class McpServerConfiguration {

    /** Long enough to hold a waiting call's SSE stream open; a session is a few objects, swept when idle. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport() {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mcpJson())
                .mcpEndpoint(McpResource.PATH)
                .contextExtractor(McpCaller.fromSecurityContext())
                .keepAliveInterval(KEEP_ALIVE)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
                new ServletRegistrationBean<>(transport, McpResource.PATH);
        servlet.setAsyncSupported(true);
        servlet.setName("mcp");
        return servlet;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, McpProperties properties,
            ProviderRegistry providers, UserConnections connections, ExportRequestService exports,
            ExportQueries queries, OwnerRetries retries, Validator validator, ToolCallBudget budget,
            StatusStreams streams, JsonMapper json, @Qualifier("applicationTaskExecutor") Executor executor) {
        ToolAnswers answers = new ToolAnswers(json);
        ExportResourceUpdates updates = new ExportResourceUpdates(streams, queries, executor);
        ExportTools tools = new ExportTools(providers, connections, exports, queries, retries, validator, budget,
                new ExportProgress(streams), updates, answers, properties.maxWait());
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("yarnnn-exports", "1.0.0")
                .jsonMapper(mcpJson())
                // the tools check their arguments themselves, in the HTTP API's words rather than a schema validator's
                .validateToolInputs(false)
                // a tool runs on the request's own thread: no hand-over to a scheduler and back
                .immediateExecution(true)
                .instructions("Export YARNNN deliverables (markdown) to Slack, Notion, Gmail or a folder with the "
                        + "user's connected accounts, and follow each export to its end. list_integrations and "
                        + "list_destinations tell where; export_deliverable sends; get_export follows.")
                .capabilities(ServerCapabilities.builder().tools(false).resources(true, false).build())
                .tools(tools.all())
                .resourceTemplates(new ExportResources(queries, updates, answers, json).template())
                .build();
        updates.notifyThrough(server);
        return server;
    }

    /** A plain mapper: the application's snake_case one would rename the protocol's own fields. */
    private static JacksonMcpJsonMapper mcpJson() {
        return new JacksonMcpJsonMapper(JsonMapper.builder().build());
    }
}
