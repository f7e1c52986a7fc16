package com.yarnnn.export.connector.mcp.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hosted MCP servers and how the clients that call them are kept ({@code yarnnn.mcp.remote.*}).
 *
 * @param servers        the servers by provider id, e.g. {@code yarnnn.mcp.remote.servers.slack.url}
 * @param requestTimeout how long a request may go unanswered where the server sets none, default 30 s
 * @param connectTimeout how long opening a connection to a server may take, default 10 s
 * @param idleTimeout    a connection's client unused this long is closed (its MCP session ended), default 10 min
 * @param maxClients     most clients kept at once (one per server and connection; an idle one keeps about 8 KB of heap),
 *                       default 10,000; the least recently used makes way
 * @param httpThreads    threads of the one HTTP client all of them share, default 4
 */
@ConfigurationProperties("yarnnn.mcp.remote")
public record RemoteMcpProperties(Map<String, Server> servers, Duration requestTimeout, Duration connectTimeout,
        Duration idleTimeout, Integer maxClients, Integer httpThreads) {

    /**
     * @param url            the server's Streamable HTTP endpoint
     * @param requestTimeout this server's request timeout, if not the default
     */
    public record Server(URI url, Duration requestTimeout) {
    }

    public RemoteMcpProperties {
        servers = servers != null ? Map.copyOf(servers) : Map.of();
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(30), "request-timeout");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect-timeout");
        idleTimeout = positive(idleTimeout, Duration.ofMinutes(10), "idle-timeout");
        maxClients = atLeastOne(maxClients, 10_000, "max-clients");
        httpThreads = atLeastOne(httpThreads, 4, "http-threads");
    }

    /** The configured server of this name. */
    public RemoteServer server(String name) {
        Server server = servers.get(name);
        if (server == null || server.url() == null) {
            throw new IllegalArgumentException("No remote MCP server '" + name
                    + "' is configured (yarnnn.mcp.remote.servers." + name + ".url)");
        }
        return new RemoteServer(name, server.url(), positive(server.requestTimeout(), requestTimeout,
                "servers." + name + ".request-timeout"));
    }

    private static Duration positive(Duration value, Duration otherwise, String property) {
        Duration duration = value != null ? value : otherwise;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("yarnnn.mcp.remote." + property + " must be positive");
        }
        return duration;
    }

    private static int atLeastOne(Integer value, int otherwise, String property) {
        int number = value != null ? value : otherwise;
        if (number < 1) {
            throw new IllegalArgumentException("yarnnn.mcp.remote." + property + " must be at least 1");
        }
        return number;
    }
}
