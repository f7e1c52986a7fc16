package com.yarnnn.export.connector.mcp.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A hosted MCP server, as configured under {@code yarnnn.mcp.remote.servers.<name>}.
 *
 * @param name           the provider whose server it is, e.g. {@code slack}; named in failures
 * @param url            its Streamable HTTP endpoint, e.g. {@code https://mcp.slack.com/mcp}
 * @param requestTimeout how long one request may go unanswered (also the MCP handshake)
 */
public record RemoteServer(String name, URI url, Duration requestTimeout) {

    public RemoteServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("The remote MCP server '" + name + "' needs an http(s) URL, not " + url);
        }
    }

    /** {@code https://host[:port]}: the SDK takes the server's origin and its endpoint path apart. */
    String origin() {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** The endpoint's path and query, {@code /mcp} where the URL names no path. */
    String endpoint() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/mcp" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
