package com.yarnnn.export.connector.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * How to start one MCP server over stdio: the command, its arguments and the only environment variables
 * it gets (the JVM's environment is not inherited).
 *
 * @param name the provider whose server this is, e.g. {@code slack}; operators override its command, args
 *             and env by this name ({@code yarnnn.mcp.servers.<name>.*})
 * @param key  which session serves it: one per connection for servers that take a token from their
 *             environment ({@link #forConnection}: {@code slack:<connection id>}), else the name ({@link #shared}).
 *             A spec with the same key but other content (a refreshed token) replaces the session.
 */
public record McpServerSpec(String name, String key, String command, List<String> args, Map<String, String> env) {

    public McpServerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** A server shared by every export of the provider (one that needs no credentials). */
    public static McpServerSpec shared(String name, String command, List<String> args) {
        return new McpServerSpec(name, name, command, args, Map.of());
    }

    /**
     * A server of one connected account, started with that account's token in its environment: the connection's
     * own session ({@link #connectionKey}), so one account's token never serves another.
     */
    public static McpServerSpec forConnection(String name, UUID connectionId, String command, List<String> args,
            Map<String, String> env) {
        return new McpServerSpec(name, connectionKey(name, connectionId), command, args, env);
    }

    /** The key of a connection's session: {@code <provider>:<connection id>}. */
    public static String connectionKey(String name, UUID connectionId) {
        return name + ":" + connectionId;
    }

    /** The same server with the operator's overrides: command and args replace, env adds to the spec's own. */
    public McpServerSpec overriddenBy(McpProperties.ServerOverride override) {
        if (override == null) {
            return this;
        }
        Map<String, String> mergedEnv = new java.util.HashMap<>(env);
        mergedEnv.putAll(override.env());
        return new McpServerSpec(name, key, override.command() != null ? override.command() : command,
                override.args().isEmpty() ? args : override.args(), mergedEnv);
    }

    /** Names the variables only: values may be secrets. */
    @Override
    public String toString() {
        return "McpServerSpec[name=" + name + ", key=" + key + ", command=" + command + ", args=" + args + ", env=" + env.keySet() + "]";
    }
}
