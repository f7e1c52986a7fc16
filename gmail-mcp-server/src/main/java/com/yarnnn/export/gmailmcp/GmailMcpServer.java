package com.yarnnn.export.gmailmcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gmail MCP server over stdio and nothing else: no network listener, no telemetry, no files. It holds the one
 * access token it is started with ({@code GMAIL_ACCESS_TOKEN}) and calls the Gmail REST API at
 * {@code GMAIL_API_BASE_URL} (default {@code https://gmail.googleapis.com}). It exits when stdin closes.
 */
public final class GmailMcpServer {

    private static final Logger log = LoggerFactory.getLogger(GmailMcpServer.class);
    static final String NAME = "yarnnn-gmail";
    static final String VERSION = "1";

    private GmailMcpServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream protocol = System.out;
        // stdout carries MCP messages only: a stray print from any library would break the session
        System.setOut(System.err);
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("Cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stdinClosed = new CountDownLatch(1);
        McpJsonMapper mcpJson = McpJsonDefaults.getMapper();
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        GmailTools tools = new GmailTools(new GmailApi(http, config, json), new ToolResults(json), Clock.systemUTC(),
                () -> UUID.randomUUID().toString());
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mcpJson,
                        new EofSignallingInputStream(System.in, stdinClosed::countDown), protocol))
                .serverInfo(NAME, VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // the tools check their own arguments and answer every refusal in one JSON shape
                .validateToolInputs(false)
                .tools(tools.specifications(mcpJson))
                .build();
        log.info("Gmail MCP server ready on stdio (Gmail API {})", config.apiBaseUrl());
        stdinClosed.await();
        log.info("stdin closed, exiting");
        server.close();
        System.exit(0);
    }
}
